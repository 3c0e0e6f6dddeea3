package io.connect8x8.campaigns;

import io.connect8x8.Connect8x8Exception;

/**
 * A campaign journal could not be read or written, or it disagrees with the input (the input changed since an earlier
 * run of the same campaign). Nothing was sent for the chunk concerned.
 */
public class JournalException extends Connect8x8Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, without secrets
     * @param cause the underlying cause, may be null
     */
    public JournalException(String message, Throwable cause) {
        super(message, cause, 0);
    }
}
