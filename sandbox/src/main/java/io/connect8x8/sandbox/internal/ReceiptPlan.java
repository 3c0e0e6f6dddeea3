package io.connect8x8.sandbox.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * One receipt of a message's sequence, built when its turn comes so that its timestamp is the time it is sent.
 *
 * @param state the status state
 * @param detail the status detail
 * @param body builds the JSON for a status timestamp
 * @param channel the channel it reports on ({@code sms} for an SMS, the leg's channel for Messaging Apps)
 * @param fallbackAfter null to follow the previous receipt at once; else this is the first receipt of a channel
 *                      fallback's leg, which waits until this long after the sequence's first receipt (the first
 *                      channel's {@code fallbackAfter}) on the simulator's clock
 */
record ReceiptPlan(String state, String detail, Function<Instant, ObjectNode> body, String channel,
                   Duration fallbackAfter) {

    /** A receipt that follows the previous one at once. */
    ReceiptPlan(String state, String detail, Function<Instant, ObjectNode> body, String channel) {
        this(state, detail, body, channel, null);
    }

    /**
     * This receipt starting a leg that waits.
     *
     * @param delay how long after the sequence's first receipt, null for no wait
     * @return the plan with that wait
     */
    ReceiptPlan withFallbackAfter(Duration delay) {
        return new ReceiptPlan(state, detail, body, channel, delay);
    }
}
