package io.connect8x8;

/** The call did not finish within its deadline, retries and waits included. */
public class CallTimeoutException extends TransportException {

    private static final long serialVersionUID = 1L;

    /**
     * Makes the exception for a call that ran out of time.
     *
     * @param message what timed out
     * @param cause the underlying failure, may be null
     * @param mayHaveReachedServer whether any byte of the request was sent
     * @param attempts the number of HTTP requests made
     */
    public CallTimeoutException(String message, Throwable cause, boolean mayHaveReachedServer, int attempts) {
        super(message, cause, mayHaveReachedServer, attempts);
    }
}
