package io.connect8x8.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connect8x8.cli.internal.CliContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The launcher script finds the command word itself (to pick the simulator's JVM options for {@code sandbox}), so it
 * lists the global options that take a value: the same as the root command's.
 */
class LauncherScriptTest {

    private static final Pattern VALUE_OPTIONS = Pattern.compile("(?m)^value_options=\" (.*) \"$");

    @Test
    void theScriptListsTheGlobalOptionsThatTakeAValue() throws IOException {
        Path repo = Path.of(System.getProperty("connect8x8.repo.dir", "..")).toAbsolutePath().normalize();
        Matcher line = VALUE_OPTIONS.matcher(Files.readString(repo.resolve("connect8x8")));
        assertEquals(true, line.find(), "no value_options line in the script");
        Set<String> expected = new TreeSet<>();
        CliContext context = new CliContext(Map.of(), settings -> {
            throw new IllegalStateException("no simulator in this test");
        }, () -> false);
        for (OptionSpec option : new CommandLine(new Connect8x8Command(context)).getCommandSpec().options()) {
            if (option.arity().max() > 0) {
                expected.addAll(Arrays.asList(option.names()));
            }
        }
        assertEquals(expected, new TreeSet<>(Arrays.asList(line.group(1).split(" "))));
    }
}
