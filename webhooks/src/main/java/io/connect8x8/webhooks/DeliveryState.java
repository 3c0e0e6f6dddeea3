package io.connect8x8.webhooks;

import java.util.Locale;

/**
 * The delivery states this library knows, for switching on a receipt's state. The receipt itself keeps the state as
 * the raw string 8x8 sent ({@link ReceiptStatus#state()}); a state added by 8x8 later maps to {@link #UNKNOWN} and is
 * never an error.
 */
public enum DeliveryState {
    /** Accepted by 8x8 and waiting to be sent. */
    QUEUED,
    /** Handed to the operator or channel. */
    SENT,
    /** Delivered to the operator or the recipient; {@link ReceiptStatus#detail()} says which. */
    DELIVERED,
    /** Read by the recipient (Messaging Apps only). */
    READ,
    /** Not delivered; {@link ReceiptStatus#errorCode()} and {@link ReceiptStatus#errorMessage()} say why. */
    UNDELIVERED,
    /** Refused before it was sent. */
    REJECTED,
    /** Failed; some channels report this instead of {@link #UNDELIVERED}. */
    FAILED,
    /** A state this version of the library does not know, or none. */
    UNKNOWN;

    /**
     * Maps a state as 8x8 spells it ({@code "delivered"}) to a constant, ignoring case and surrounding spaces.
     *
     * @param raw the state as sent, may be null
     * @return the matching constant, or {@link #UNKNOWN} for null or an unknown value; never throws
     */
    public static DeliveryState of(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        String name = raw.trim().toUpperCase(Locale.ROOT);
        for (DeliveryState state : values()) {
            if (state != UNKNOWN && state.name().equals(name)) {
                return state;
            }
        }
        return UNKNOWN;
    }

    /**
     * Whether no later state is expected: {@link #READ}, {@link #UNDELIVERED}, {@link #REJECTED} or {@link #FAILED}.
     * A delivered Messaging Apps message may still be read, so {@link #DELIVERED} is not final.
     *
     * @return true for a final state
     */
    public boolean isFinal() {
        return this == READ || this == UNDELIVERED || this == REJECTED || this == FAILED;
    }
}
