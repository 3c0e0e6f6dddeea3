package io.connect8x8.sandbox.internal;

import io.connect8x8.sandbox.DeliveryAttempt;
import io.connect8x8.sandbox.SandboxReceipt;
import java.util.ArrayList;
import java.util.List;

/** A receipt and its delivery attempts; guarded by the owning {@link MessageRecord}'s lock. */
final class ReceiptRecord {

    final String state;
    final String detail;
    final String url;
    final String channel;
    /** When it was recorded, on the simulator's clock. */
    final java.time.Instant at;
    private final java.util.function.Supplier<String> bodyText;
    private String body;
    final List<DeliveryAttempt> attempts = new ArrayList<>();
    boolean delivered;
    boolean givenUp;

    /** A receipt whose JSON is written only when first needed: most recorded receipts are never looked at. */
    ReceiptRecord(String state, String detail, String url, String channel, java.time.Instant at,
                  java.util.function.Supplier<String> bodyText) {
        this.channel = channel;
        this.at = at;
        this.state = state;
        this.detail = detail;
        this.url = url;
        this.bodyText = bodyText;
    }

    /**
     * Returns the JSON; call under the owning record's lock.
     *
     * @return the JSON; call under the owning record's lock
     */
    String body() {
        if (body == null) {
            body = bodyText.get();
        }
        return body;
    }

    SandboxReceipt snapshot() {
        return new SandboxReceipt(state, detail, url, body(), List.copyOf(attempts), delivered, givenUp);
    }
}
