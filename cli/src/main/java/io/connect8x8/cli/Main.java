package io.connect8x8.cli;

import io.connect8x8.cli.internal.CliContext;
import io.connect8x8.cli.internal.ErrorHandler;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

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
        // Netty's buffer allocator registers its JFR event types when the JVM has a flight recorder: about 100 ms of
        // CPU at the simulator's start (sandbox, demo) for a profiling feature no command uses. A -D option still wins.
        if (System.getProperty("io.netty.jfr.enabled") == null) {
            System.setProperty("io.netty.jfr.enabled", "false");
        }
        configureLogging(Arrays.asList(args).contains("-v") || Arrays.asList(args).contains("--verbose"));
        System.exit(newCommandLine(CliContext.system(), args).execute(args));
    }

    /**
     * The command line with every command, its exit codes mapped and its usage help complete; output goes to
     * {@code System.out} and {@code System.err} unless the caller sets writers ({@link CommandLine#setOut},
     * {@link CommandLine#setErr} apply to every subcommand).
     *
     * @param context the environment, simulator and terminal this run sees
     * @return the command line
     */
    public static CommandLine newCommandLine(CliContext context) {
        return newCommandLine(context, new String[0]);
    }

    /**
     * The command line that runs these arguments as {@link #newCommandLine(CliContext)} does, holding only the
     * command they name when they name one: picocli builds a command's model by reflection, about 10 ms a command
     * (more on a busy machine), and the simulator's start, {@code connect8x8 sandbox}, should not pay for the 24
     * others. Without a command word, or with one picocli could read otherwise (see {@link #commandWord}), every
     * command is there, as the root's usage help and picocli's suggestions need.
     *
     * @param context the environment, simulator and terminal this run sees
     * @param args the arguments the command line will run
     * @return the command line
     */
    public static CommandLine newCommandLine(CliContext context, String[] args) {
        Connect8x8Command root = new Connect8x8Command(context);
        CommandLine cmd = new CommandLine(root);
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        for (Class<?> type : Connect8x8Command.COMMANDS) {
            Command command = type.getAnnotation(Command.class);
            commands.put(command.name(), type);
            for (String alias : command.aliases()) {
                commands.put(alias, type);
            }
        }
        Class<?> named = commands.get(commandWord(cmd.getCommandSpec(), commands.keySet(), args));
        for (Class<?> type : named == null ? Connect8x8Command.COMMANDS : List.of(named)) {
            cmd.addSubcommand(type);
        }
        // Set once the commands are added: picocli applies these settings to the subcommands it has.
        ErrorHandler errors = new ErrorHandler(root::verbose);
        cmd.setExecutionExceptionHandler(errors);
        cmd.setParameterExceptionHandler(errors);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        // "@file" is an argument of its own (`api --body @request.json`, `--param file=@logo.png`), read by the
        // command: picocli's own @-file expansion would split the file into arguments.
        cmd.setExpandAtFiles(false);
        Map<String, String> exitCodes = new LinkedHashMap<>();
        for (String line : ExitCodes.HELP_LIST) {
            int colon = line.indexOf(':');
            exitCodes.put(line.substring(0, colon), line.substring(colon + 1));
        }
        applyExitCodeList(cmd, exitCodes);
        hideInapplicableGlobalOptions(cmd);
        return cmd;
    }

    /**
     * The command the arguments name: the first argument after the root's own options and their values, or null
     * when the arguments are read best with every command present. That is when there is no such word; when an
     * argument before it is not one of the root's options as written (a cluster such as {@code -vq}, a typo,
     * {@code --}), or asks for the root's help or version; and when a value of the root's options is itself a
     * command's name, which picocli reports as a missing value only if it knows that command.
     *
     * @param root the root command, without its commands
     * @param commandNames the names and aliases of the root's commands
     * @param args the arguments
     * @return the command word, or null
     */
    static String commandWord(CommandSpec root, Set<String> commandNames, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-")) {
                return arg;
            }
            int equals = arg.indexOf('=');
            OptionSpec option = root.findOption(equals < 0 ? arg : arg.substring(0, equals));
            if (option == null || option.usageHelp() || option.versionHelp()
                    || option.arity().min() != option.arity().max() || option.arity().max() > 1) {
                return null;
            }
            if (option.arity().max() == 1 && equals < 0) {
                i++;
                if (i < args.length && commandNames.contains(args[i])) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * The global options of the commands that use only a few of them; the others stay accepted there (they are
     * global) but are left out of that command's help. A sending command uses them all but the other APIs' URLs and
     * --account.
     */
    private static final Map<String, Set<String>> FEW_GLOBAL_OPTIONS = Map.of(
            "connect8x8 sms", Set.of("--verbose"),
            "connect8x8 chat", Set.of("--verbose"),
            "connect8x8 whatsapp", Set.of("--verbose"),
            "connect8x8 sms info", Set.of("--json", "--verbose"),
            "connect8x8 sandbox", Set.of("--api-key", "--verbose"),
            "connect8x8 demo", Set.of("--verbose"),
            "connect8x8 verify", Set.of("--verbose"));

    private static boolean usesGlobalOption(String command, String option) {
        Set<String> few = FEW_GLOBAL_OPTIONS.get(command);
        if (few != null) {
            return few.contains(option);
        }
        if (option.equals("--account")) {
            // Only account-level operations read it: the template list, and any operation through api.
            return command.equals("connect8x8 api") || command.equals("connect8x8 whatsapp templates");
        }
        if (command.startsWith("connect8x8 sms ")) {
            return !option.equals("--chatapps-url") && !option.equals("--verify-url");
        }
        if (command.startsWith("connect8x8 chat ") || command.startsWith("connect8x8 whatsapp ")) {
            return !option.equals("--sms-url") && !option.equals("--verify-url");
        }
        if (command.startsWith("connect8x8 verify ")) {
            return !option.equals("--sms-url") && !option.equals("--chatapps-url");
        }
        return true;
    }

    /**
     * The global options that mean something else in one command, with what they mean there: the root's wording would
     * be wrong in that command's help.
     */
    private static final Map<String, Map<String, String>> GLOBAL_OPTIONS_WORDED_OTHERWISE = Map.of(
            "connect8x8 sandbox", Map.of("--api-key", "The key the simulator accepts instead of its test key "
                    + "sandbox-key, which it then does not print. CONNECT8X8_API_KEY is not read here: it may hold a "
                    + "live key."),
            "connect8x8 sms info", Map.of("--json", "Print the figures as one JSON object on stdout."));

    private static void hideInapplicableGlobalOptions(CommandLine cmd) {
        for (CommandLine sub : cmd.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            String command = spec.qualifiedName(" ");
            Map<String, String> worded = GLOBAL_OPTIONS_WORDED_OTHERWISE.getOrDefault(command, Map.of());
            for (OptionSpec option : List.copyOf(spec.options())) {
                if (!option.inherited() || option.hidden()) {
                    continue;
                }
                if (!usesGlobalOption(command, option.longestName())) {
                    spec.remove(option);
                    // Local: an inherited copy would be pushed down again into this command's subcommands.
                    spec.addOption(option.toBuilder().hidden(true).scopeType(ScopeType.LOCAL).build());
                } else if (worded.containsKey(option.longestName())) {
                    spec.remove(option);
                    spec.addOption(option.toBuilder().description(worded.get(option.longestName()))
                            .scopeType(ScopeType.LOCAL).build());
                }
            }
            hideInapplicableGlobalOptions(sub);
        }
    }

    private static void applyExitCodeList(CommandLine cmd, Map<String, String> exitCodes) {
        cmd.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
        cmd.getSubcommands().values().forEach(sub -> applyExitCodeList(sub, exitCodes));
    }

    /** Held here: java.util.logging keeps loggers weakly, and a collected one would forget its level. */
    private static final Logger POSTGRES_DRIVER_LOG = Logger.getLogger("org.postgresql");

    /**
     * Configures slf4j-simple, the CLI's logging binding, through its system properties: they are read once, when
     * the first logger is created, so this runs before anything logs. Debug for the library with
     * {@code --verbose}, warnings only otherwise; always on stderr. The PostgreSQL driver's own logging is off
     * unless {@code --verbose}.
     *
     * @param verbose whether {@code -v} or {@code --verbose} is among the arguments
     */
    static void configureLogging(boolean verbose) {
        // The PostgreSQL driver logs through java.util.logging, bypassing the one-line rule, and its warning about a
        // malformed --journal URL repeats the URL, password included.
        POSTGRES_DRIVER_LOG.setLevel(verbose ? null : Level.OFF);
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        System.setProperty("org.slf4j.simpleLogger.levelInBrackets", "true");
    }
}
