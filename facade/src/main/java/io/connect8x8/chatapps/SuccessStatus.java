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
    READ,
    /**
     * A status the spec in use allows that this version of the facade has no constant for: returned by
     * {@link ChannelFallback#successStatus()} for a status given by name, whose spelling
     * {@link ChannelFallback#successStatusAsString()} gives. Never accepted as input.
     */
    UNKNOWN
}
