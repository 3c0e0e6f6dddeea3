package io.connect8x8.webhooks;

import java.time.Instant;

/**
 * The status a delivery receipt reports.
 *
 * @param state        the state, lower case as 8x8 sends it ({@code "queued"}, {@code "delivered"}, {@code "read"},
 *                     {@code "undelivered"}, ...); never null. See {@link #knownState()} for a switchable form.
 * @param detail       the finer state ({@code "delivered_to_recipient"}, {@code "rejected_by_operator"}, ...), or null
 * @param timestamp    when the message reached this state, or null when 8x8 did not say (or sent a time that is not
 *                     ISO 8601)
 * @param errorCode    8x8's error code for a failed message, or null
 * @param errorMessage 8x8's error description for a failed message, or null
 */
public record ReceiptStatus(String state, String detail, Instant timestamp, Integer errorCode, String errorMessage) {

    /**
     * The state as a constant.
     *
     * @return the matching {@link DeliveryState}, {@link DeliveryState#UNKNOWN} for a state this library does not know
     */
    public DeliveryState knownState() {
        return DeliveryState.of(state);
    }
}
