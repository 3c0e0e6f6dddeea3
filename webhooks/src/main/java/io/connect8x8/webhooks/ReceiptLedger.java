package io.connect8x8.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link ReceiptReceiver} remembers to drop duplicate webhooks and to know each message's latest state.
 *
 * <p>The default, {@link #inMemory(int, long)}, lives in one process. Behind a load balancer, where the same receipt
 * may reach two instances, give every instance one shared ledger (the {@code connect8x8-postgresql} module has one on
 * PostgreSQL) with {@link ReceiptReceiver.Builder#ledger(ReceiptLedger)}.
 *
 * <p>Implementations must be safe to call from many threads, and decide each {@link #record record} and
 * {@link #recordInbound recordInbound} atomically: of two calls with the same receipt, exactly one is told it is new.
 * A method that cannot reach its store throws a {@link RuntimeException}; the receiver then answers 503, and 8x8
 * sends the event again later.
 */
public interface ReceiptLedger {

    /** What {@link #record} decided about a receipt. */
    enum Outcome {
        /** Not seen before, and now the message's latest status. */
        LATEST,
        /** Not seen before, but older than the status already held. */
        OLDER,
        /** Seen before: 8x8 retried, or delivered it twice. */
        DUPLICATE
    }

    /**
     * Records a receipt. A duplicate has the same umid, state and detail (compared ignoring case): WhatsApp reports
     * {@code delivered} twice, first with detail {@code delivered_to_operator}, then {@code delivered_to_recipient},
     * and both are news. Of two statuses with the same time, the one recorded last is the latest.
     *
     * @param receipt    the receipt, not null
     * @param statusTime the time that orders it: its status timestamp, or its arrival time when 8x8 sent none (or one
     *                   that is not ISO 8601)
     * @return whether it is new and, if so, whether it is now the latest
     */
    Outcome record(DeliveryReceipt receipt, Instant statusTime);

    /**
     * Records an inbound message.
     *
     * @param umid the inbound message's umid, not null
     * @return true when the umid was not seen before
     */
    boolean recordInbound(String umid);

    /**
     * The newest status recorded for a message.
     *
     * @param umid the message id, not null
     * @return the receipt with the newest status time, or empty when none was recorded or the message was forgotten
     */
    Optional<DeliveryReceipt> latest(String umid);

    /**
     * A snapshot of the newest receipt of the messages remembered, least recently updated first. A shared ledger may
     * return only the most recently updated ones.
     *
     * @return an unmodifiable list, not updated by later calls
     */
    List<DeliveryReceipt> latestAll();

    /**
     * A ledger in this process's memory, bounded in messages and in bytes: the least recently updated messages are
     * forgotten first, and a forgotten message's duplicate counts as new.
     *
     * @param maxMessages the most messages remembered (receipts and inbound messages together), at least 1
     * @param maxBytes    the most memory the remembered receipts may take, estimated from their sizes, at least 1
     * @return a new, empty ledger
     * @throws IllegalArgumentException when a bound is below 1
     */
    static ReceiptLedger inMemory(int maxMessages, long maxBytes) {
        return new InMemoryReceiptLedger(maxMessages, maxBytes);
    }
}
