package io.connect8x8.sandbox;

import java.util.List;

/**
 * A delivery receipt the simulator sent (or is sending) for a message.
 *
 * @param state the status state, e.g. {@code delivered}
 * @param detail the status detail, e.g. {@code delivered_to_recipient}
 * @param url the webhook it is posted to, or null when no webhook was configured (then it is only recorded)
 * @param body the JSON posted
 * @param attempts the delivery attempts so far, oldest first
 * @param delivered whether an attempt succeeded
 * @param givenUp whether every retry failed and the simulator stopped trying
 */
public record SandboxReceipt(String state, String detail, String url, String body, List<DeliveryAttempt> attempts,
                             boolean delivered, boolean givenUp) {
}
