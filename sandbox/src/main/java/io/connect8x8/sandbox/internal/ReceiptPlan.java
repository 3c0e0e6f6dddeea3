package io.connect8x8.sandbox.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.function.Function;

/**
 * One receipt of a message's sequence, built when its turn comes so that its timestamp is the time it is sent.
 *
 * @param state the status state
 * @param detail the status detail
 * @param body builds the JSON for a status timestamp
 * @param channel the channel it reports on ({@code sms} for an SMS, the leg's channel for Messaging Apps)
 */
record ReceiptPlan(String state, String detail, Function<Instant, ObjectNode> body, String channel) {
}
