package io.connect8x8.cli;

import io.connect8x8.cli.internal.CliContext;
import io.connect8x8.cli.internal.ErrorHandler;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/** The {@code connect8x8} command's entry point. */
public final class Main {

    private Main() {
    }

    /**
     * Runs the command and exits with its exit code (see {@link ExitCodes}).
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        configureLogging(Arrays.asList(args).contains("-v") || Arrays.asList(args).contains("--verbose"));
        System.exit(newCommandLine(CliContext.system()).execute(args));
    }

    /**
     * The command line, its exit codes mapped and its usage help complete; output goes to {@code System.out} and
     * {@code System.err} unless the caller sets writers ({@link CommandLine#setOut}, {@link CommandLine#setErr}
     * apply to every subcommand).
     *
     * @param context the environment, simulator and terminal this run sees
     * @return the command line
     */
    public static CommandLine newCommandLine(CliContext context) {
        Connect8x8Command root = new Connect8x8Command(context);
        CommandLine cmd = new CommandLine(root);
        ErrorHandler errors = new ErrorHandler(root::verbose);
        cmd.setExecutionExceptionHandler(errors);
        cmd.setParameterExceptionHandler(errors);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        Map<String, String> exitCodes = new LinkedHashMap<>();
        for (String line : ExitCodes.HELP_LIST) {
            int colon = line.indexOf(':');
            exitCodes.put(line.substring(0, colon), line.substring(colon + 1));
        }
        applyExitCodeList(cmd, exitCodes);
        return cmd;
    }

    private static void applyExitCodeList(CommandLine cmd, Map<String, String> exitCodes) {
        cmd.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
        cmd.getSubcommands().values().forEach(sub -> applyExitCodeList(sub, exitCodes));
    }

    /**
     * Configures slf4j-simple, the CLI's logging binding, through its system properties: they are read once, when
     * the first logger is created, so this runs before anything logs. Debug for the library with
     * {@code --verbose}, warnings only otherwise; always on stderr.
     *
     * @param verbose whether {@code -v} or {@code --verbose} is among the arguments
     */
    static void configureLogging(boolean verbose) {
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        System.setProperty("org.slf4j.simpleLogger.levelInBrackets", "true");
    }
}
