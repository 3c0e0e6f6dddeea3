package io.connect8x8.webhooks;

import io.connect8x8.Connect8x8Exception;

/**
 * A webhook body that cannot be read as an 8x8 event. The message names what is wrong (the field's path, such as
 * {@code payload.status.state}) and never holds a phone number or message text from the body.
 */
public final class WebhookParseException extends Connect8x8Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong
     */
    public WebhookParseException(String message) {
        super(message, null, 0);
    }

    /**
     * Creates the exception with the parser's error as its cause.
     *
     * @param message what is wrong
     * @param cause   the underlying error
     */
    public WebhookParseException(String message, Throwable cause) {
        super(message, cause, 0);
    }
}
