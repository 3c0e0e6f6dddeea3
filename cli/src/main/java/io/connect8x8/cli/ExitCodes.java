package io.connect8x8.cli;

/**
 * The exit codes of the {@code connect8x8} command, mapped from outcomes in one place
 * ({@link io.connect8x8.cli.internal.ErrorHandler}).
 *
 * <table>
 *   <caption>Exit codes</caption>
 *   <tr><th>code</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>accepted (or previewed with {@code --dry-run}, or help shown); the preview of a batch with a
 *   refused row is 3</td></tr>
 *   <tr><td>1</td><td>an internal error of the command itself</td></tr>
 *   <tr><td>2</td><td>bad usage, or input rejected before anything was sent (the message names the field)</td></tr>
 *   <tr><td>3</td><td>rejected: the API refused the request (HTTP 4xx with status, 8x8 code and message; code 1201
 *   names the region to use); sending it again gets the same answer. Also {@code verify check} of a code the API did
 *   not verify (its answer is 200 with a status other than {@code VERIFIED}); and a batch with rows refused (by 8x8,
 *   or malformed: the others are sent), under {@code --dry-run} too</td></tr>
 *   <tr><td>4</td><td>may have been sent: an HTTP 5xx other than 503, a connection broken or a timeout after the
 *   request was written, or a success status with a body that could not be read (reconcile by its client message
 *   id before resending)</td></tr>
 *   <tr><td>5</td><td>not sent: the request never reached the API (connection refused, DNS failure, connect
 *   timeout) or the API said it did not take it (HTTP 429, 503); safe to retry later; for a batch, also chunks held by
 *   another worker's lease and not sent by this run (run it again after the lease's end)</td></tr>
 * </table>
 */
public final class ExitCodes {

    /** Accepted, previewed, or help shown. */
    public static final int OK = 0;
    /** An internal error of the command: a bug to report. */
    public static final int INTERNAL = 1;
    /** Bad usage, or input rejected before sending. */
    public static final int USAGE = 2;
    /** The API answered with an error, or {@code verify check} was answered with a status other than VERIFIED. */
    public static final int API_ERROR = 3;
    /** The message may have been sent: a 5xx other than 503, a failure after the request was written, an unreadable answer. */
    public static final int TRANSPORT = 4;
    /** Not sent, and safe to retry: the request never reached the API, or the API said it did not take it. */
    public static final int NOT_SENT = 5;

    /** The exit-code list shown by {@code --help}. */
    static final String[] HELP_LIST = {
        "0:accepted (or previewed with --dry-run)",
        "1:internal error of the command",
        "2:bad usage, or input rejected before sending (names the field)",
        "3:rejected by the API (HTTP 4xx: status, 8x8 code, message; 1201 names the region), or a code verify check "
                + "did not verify",
        "4:may have been sent (HTTP 5xx but 503, failure after the request was written, unreadable answer)",
        "5:not sent, safe to retry (connection never made, or HTTP 429/503; a batch's chunks held by another worker)",
    };

    private ExitCodes() {
    }
}
