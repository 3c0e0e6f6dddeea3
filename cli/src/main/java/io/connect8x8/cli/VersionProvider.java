package io.connect8x8.cli;

import picocli.CommandLine.IVersionProvider;

/** The version shown by {@code --version}: the jar's implementation version, when packaged. */
public final class VersionProvider implements IVersionProvider {

    /**
     * Returns one line naming the command and its version.
     *
     * @return one line naming the command and its version
     */
    @Override
    public String[] getVersion() {
        String version = Connect8x8Command.class.getPackage().getImplementationVersion();
        return new String[] {"connect8x8 " + (version == null ? "(development build)" : version)};
    }
}
