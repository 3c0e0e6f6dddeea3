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
    final String body;
    final List<DeliveryAttempt> attempts = new ArrayList<>();
    boolean delivered;
    boolean givenUp;

    ReceiptRecord(String state, String detail, String url, String body) {
        this.state = state;
        this.detail = detail;
        this.url = url;
        this.body = body;
    }

    SandboxReceipt snapshot() {
        return new SandboxReceipt(state, detail, url, body, List.copyOf(attempts), delivered, givenUp);
    }
}
