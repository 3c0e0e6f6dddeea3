package io.connect8x8.cli.internal;

import io.connect8x8.ApiErrorException;
import io.connect8x8.Connect8x8Exception;
import io.connect8x8.PermissionDeniedException;
import io.connect8x8.SendState;
import io.connect8x8.TransportException;
import io.connect8x8.UnexpectedResponseException;
import io.connect8x8.ValidationException;
import io.connect8x8.api.OperationNotFoundException;
import io.connect8x8.campaigns.JournalException;
import io.connect8x8.cli.ExitCodes;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place where failures become exit codes and one-line messages on stderr (see {@link ExitCodes}).
 * A stack trace follows only with {@code --verbose}.
 */
public final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    private final BooleanSupplier verbose;

    /**
     * Makes the handler. {@code --verbose} is parsed after the handler is installed, so it is read through a supplier
     * when a failure is handled.
     *
     * @param verbose whether {@code --verbose} was given (read when a failure is handled)
     */
    public ErrorHandler(BooleanSupplier verbose) {
        this.verbose = verbose;
    }

    /** Bad usage: the message, a hint to {@code --help}, exit code 2. */
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String message;
        if (ex instanceof UnmatchedArgumentException unmatched) {
            message = withoutValuesOfUnknownOptions(unmatched);
        } else if (ex.getCause() instanceof OptionValueException worded
                && ex.getArgSpec() instanceof OptionSpec option) {
            // Worded to follow the option's name; picocli's "Invalid value for option '--port': " would come first.
            message = option.longestName() + " " + worded.getMessage();
        } else {
            message = ex.getMessage();
        }
        err.println("connect8x8: " + message);
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        traceIfVerbose(err, ex);
        err.flush();
        return ExitCodes.USAGE;
    }

    /**
     * Picocli's message for arguments it could not match, with the values of unknown options replaced by
     * {@code ****}: a misspelt {@code --api-key} ({@code --api-kye KEY}, {@code --apikey=KEY}) would otherwise print
     * the key it was given. The option names stay, for the suggestions that follow; a word no unknown option precedes
     * (a misspelt command, an extra argument) is shown as given.
     *
     * @param ex the failure
     * @return the message, without the values of unknown options
     */
    static String withoutValuesOfUnknownOptions(UnmatchedArgumentException ex) {
        String message = ex.getMessage();
        List<String> unmatched = ex.getUnmatched();
        List<String> shown = new ArrayList<>(unmatched.size());
        boolean afterUnknownOption = false;
        for (String arg : unmatched) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("-") && arg.length() > 1) {
                shown.add(equals < 0 ? arg : arg.substring(0, equals + 1) + "****");
                afterUnknownOption = equals < 0;
            } else {
                shown.add(afterUnknownOption ? "****" : arg);
                afterUnknownOption = false;
            }
        }
        if (shown.equals(unmatched)) {
            return message;
        }
        for (int i = 0; i < unmatched.size(); i++) {
            message = message.replace("'" + unmatched.get(i) + "'", "'" + shown.get(i) + "'");
        }
        for (int i = 0; i < unmatched.size(); i++) {
            if (!shown.get(i).equals(unmatched.get(i)) && message.contains(unmatched.get(i))) {
                // Worded in a way the replacement above missed: say it without picocli's text.
                return (ex.isUnknownOption() ? "Unknown options: '" : "Unmatched arguments: '")
                        + String.join("', '", shown) + "'";
            }
        }
        return message;
    }

    /** A failure while running a command: mapped by type. */
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        int code = exitCode(ex);
        err.println("connect8x8: " + message(ex));
        traceIfVerbose(err, ex);
        err.flush();
        return code;
    }

    /**
     * Maps a failure to its exit code.
     *
     * @param ex the failure
     * @return the exit code
     */
    public static int exitCode(Throwable ex) {
        if (ex instanceof ValidationException || ex instanceof ParameterException
                || ex instanceof OperationNotFoundException) {
            return ExitCodes.USAGE;
        }
        if (ex instanceof Connect8x8Exception failure) {
            // The facade's one answer to "was it sent?" decides: a script must know whether it may send again.
            return switch (failure.sendState()) {
                case REJECTED -> ExitCodes.API_ERROR;
                case MAY_HAVE_BEEN_SENT -> ExitCodes.TRANSPORT;
                case NOT_SENT -> ExitCodes.NOT_SENT;
            };
        }
        return ExitCodes.INTERNAL;
    }

    /**
     * The one-line message for a failure. The facade's messages never hold the key.
     *
     * @param ex the failure
     * @return the line, without the {@code connect8x8: } prefix
     */
    public static String message(Throwable ex) {
        if (ex instanceof ValidationException v) {
            return "invalid " + URL_OPTIONS.getOrDefault(v.field(), v.field()) + ": " + problem(v);
        }
        if (ex instanceof OperationNotFoundException o) {
            return o.getMessage();
        }
        if (ex instanceof JournalException j) {
            // Not a bug of the command: the journal cannot be reached or locked, or the input changed since.
            return "journal: " + j.getMessage();
        }
        if (ex instanceof PermissionDeniedException p) {
            // The facade's message words the hint for Java callers; here it names the option to use instead.
            String hint = p.regionHint().map(r -> "; the account is in " + r.displayName() + ": use --region "
                    + r.code()).orElse("");
            return "API error: " + p.error().describe() + hint;
        }
        if (ex instanceof ApiErrorException a) {
            return "API error: " + a.getMessage() + switch (a.sendState()) {
                case NOT_SENT -> " (not sent: safe to retry later)";
                case MAY_HAVE_BEEN_SENT -> " (the request may have been processed)";
                case REJECTED -> "";
            };
        }
        if (ex instanceof TransportException t) {
            // Said once, for the whole call: the facade's message ends with what became of its last attempt, which an
            // earlier attempt that may have been processed overrides (sendState).
            return "transport failure: " + ATTEMPT_OUTCOME.matcher(t.getMessage()).replaceFirst("")
                    + (t.sendState() == SendState.MAY_HAVE_BEEN_SENT ? " (the request may have been processed)"
                    : " (nothing was sent)");
        }
        if (ex instanceof UnexpectedResponseException u) {
            return "unexpected response: " + u.getMessage() + " (the request was probably processed)";
        }
        return "internal error: " + ex + " (run with --verbose for details)";
    }

    /** How the facade's transport failures end: the last attempt's outcome, which the line says for the call. */
    private static final Pattern ATTEMPT_OUTCOME =
            Pattern.compile("; (the request was not sent|the message may have been sent)$");

    /** The facade's base-URL settings by the options that give them here: the line names what the user can type. */
    private static final Map<String, String> URL_OPTIONS = Map.of("smsBaseUrl", "--sms-url",
            "chatAppsBaseUrl", "--chatapps-url", "verifyBaseUrl", "--verify-url");

    /**
     * The problem, worded for the command line: for a sub-account or account id that is missing, the option and the
     * variable that give it, in place of the facade's advice to Java callers ("set it on the client or the call").
     */
    private static String problem(ValidationException v) {
        String hint = switch (v.field()) {
            case "subAccountId" -> "give --subaccount or set CONNECT8X8_SUBACCOUNT_ID";
            case "accountId" -> "give --account or set CONNECT8X8_ACCOUNT_ID";
            default -> null;
        };
        int setIt = v.problem().indexOf(": set it too");
        if (URL_OPTIONS.containsKey(v.field()) && setIt >= 0) {
            // An API left on its live host beside a loopback one: the option and its variable, not the builder's words.
            String option = URL_OPTIONS.get(v.field());
            String variable = "CONNECT8X8_" + option.substring(2).replace('-', '_').toUpperCase(Locale.ROOT);
            return v.problem().substring(0, setIt) + ": give " + option + " too, or set " + variable;
        }
        if (hint == null || !v.problem().startsWith("is required")) {
            return v.problem();
        }
        int javaAdvice = v.problem().indexOf(": set it on the client");
        return (javaAdvice < 0 ? v.problem() : v.problem().substring(0, javaAdvice)) + ": " + hint;
    }

    private void traceIfVerbose(PrintWriter err, Throwable ex) {
        if (verbose.getAsBoolean()) {
            ex.printStackTrace(err);
        }
    }
}
