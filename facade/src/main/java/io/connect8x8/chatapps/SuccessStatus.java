package io.connect8x8.chatapps;

/**
 * The state at which a channel counts as successful, so that the next fallback channel is not tried. Sent with the
 * spelling of the matching value of the generated {@code SuccessStatus} of the spec set in use.
 */
public enum SuccessStatus {
    /** The channel accepted the message. */
    ACCEPTED,
    /** The message was sent. */
    SENT,
    /** The message reached the device. */
    DELIVERED,
    /** The recipient read it. */
    READ
}
