package io.connect8x8.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version shown by {@code --version}: the project's version, written into the jar at build time. */
public final class VersionProvider implements IVersionProvider {

    /**
     * Creates the provider; picocli makes one for {@code --version} through {@code versionProvider}, nothing else does.
     */
    public VersionProvider() {
    }

    /**
     * Returns one line naming the command and its version, such as {@code connect8x8 0.1.0-SNAPSHOT}.
     *
     * @return one line naming the command and its version
     */
    @Override
    public String[] getVersion() {
        return new String[] {"connect8x8 " + version()};
    }

    /**
     * Returns the project's version, from the resource the build filters.
     *
     * @return the version, such as {@code 0.1.0-SNAPSHOT}
     */
    static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the build");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
