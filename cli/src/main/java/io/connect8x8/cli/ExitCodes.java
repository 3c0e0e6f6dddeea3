package io.connect8x8.cli;

/**
 * The exit codes of the {@code connect8x8} command, mapped from outcomes in one place
 * ({@link io.connect8x8.cli.internal.ErrorHandler}).
 *
 * <table>
 *   <caption>Exit codes</caption>
 *   <tr><th>code</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>accepted (or previewed with {@code --dry-run}, or help shown)</td></tr>
 *   <tr><td>1</td><td>an internal error of the command itself</td></tr>
 *   <tr><td>2</td><td>bad usage, or input rejected before anything was sent (the message names the field)</td></tr>
 *   <tr><td>3</td><td>the API answered with an error (HTTP status, 8x8 code and message; code 1201 names the
 *   region to use)</td></tr>
 *   <tr><td>4</td><td>no usable answer: a connection failure, a timeout, or a success status with a body that
 *   could not be read (the message may have been sent: reconcile by its client message id)</td></tr>
 * </table>
 */
public final class ExitCodes {

    /** Accepted, previewed, or help shown. */
    public static final int OK = 0;
    /** An internal error of the command: a bug to report. */
    public static final int INTERNAL = 1;
    /** Bad usage, or input rejected before sending. */
    public static final int USAGE = 2;
    /** The API answered with an error. */
    public static final int API_ERROR = 3;
    /** A transport failure, a timeout, or an unreadable response. */
    public static final int TRANSPORT = 4;

    /** The exit-code list shown by {@code --help}. */
    static final String[] HELP_LIST = {
        "0:accepted (or previewed with --dry-run)",
        "1:internal error of the command",
        "2:bad usage, or input rejected before sending (names the field)",
        "3:the API answered with an error (HTTP status, 8x8 code, message; 1201 names the region)",
        "4:connection failure, timeout, or unreadable response (the message may have been sent)",
    };

    private ExitCodes() {
    }
}
