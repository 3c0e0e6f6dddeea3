package io.connect8x8.webhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link ReceiptReceiver} remembers: for each of the most recently seen messages, the statuses already seen and
 * the latest one by status time. Least recently updated messages are forgotten first, so memory stays bounded.
 */
final class ReceiptLedger {

    enum Outcome {
        /** Not seen before, and now the message's latest status. */
        LATEST,
        /** Not seen before, but older than the status already held. */
        OLDER,
        /** Seen before: 8x8 retried, or delivered it twice. */
        DUPLICATE
    }

    private static final class Entry {
        final Set<String> seen = new HashSet<>();
        DeliveryReceipt latest;
        Instant latestAt;
    }

    private final Map<String, Entry> receipts;
    private final Map<String, Boolean> inbound;

    ReceiptLedger(int maxMessages) {
        this.receipts = lru(maxMessages);
        this.inbound = lru(maxMessages);
    }

    private static <V> Map<String, V> lru(int max) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        };
    }

    /**
     * Records a receipt. A duplicate has the same umid, state and detail: WhatsApp reports {@code delivered} twice,
     * first with detail {@code delivered_to_operator}, then {@code delivered_to_recipient}, and both are news.
     * Of two statuses with the same time, the one recorded last is the latest.
     */
    synchronized Outcome record(DeliveryReceipt receipt, Instant statusTime) {
        Entry entry = receipts.computeIfAbsent(receipt.umid(), umid -> new Entry());
        String detail = receipt.status().detail();
        String key = receipt.state().toLowerCase(Locale.ROOT) + '\u0000'
                + (detail == null ? "" : detail.toLowerCase(Locale.ROOT));
        if (!entry.seen.add(key)) {
            return Outcome.DUPLICATE;
        }
        if (entry.latest != null && statusTime.isBefore(entry.latestAt)) {
            return Outcome.OLDER;
        }
        entry.latest = receipt;
        entry.latestAt = statusTime;
        return Outcome.LATEST;
    }

    /** Records an inbound message; false when its umid was seen before. */
    synchronized boolean recordInbound(String umid) {
        return inbound.put(umid, Boolean.TRUE) == null;
    }

    synchronized Optional<DeliveryReceipt> latest(String umid) {
        Entry entry = receipts.get(umid);
        return entry == null ? Optional.empty() : Optional.of(entry.latest);
    }

    synchronized List<DeliveryReceipt> latestAll() {
        List<DeliveryReceipt> all = new ArrayList<>(receipts.size());
        for (Entry entry : receipts.values()) {
            all.add(entry.latest);
        }
        return List.copyOf(all);
    }
}
