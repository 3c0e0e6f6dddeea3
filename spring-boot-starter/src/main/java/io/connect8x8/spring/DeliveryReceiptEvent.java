package io.connect8x8.spring;

import io.connect8x8.webhooks.DeliveryReceipt;
import java.util.Objects;

/**
 * Published once for every new delivery receipt the webhook endpoint receives (a duplicate that 8x8 retried is not
 * published again). Listen with {@code @EventListener void on(DeliveryReceiptEvent event)}; the listener runs on the
 * request's thread, before 8x8 gets its answer, so keep it short or hand the work on.
 *
 * @param receipt the receipt, never null
 */
public record DeliveryReceiptEvent(DeliveryReceipt receipt) {

    /**
     * Checks that the receipt is not null.
     *
     * @param receipt the receipt
     */
    public DeliveryReceiptEvent {
        Objects.requireNonNull(receipt, "receipt");
    }
}
