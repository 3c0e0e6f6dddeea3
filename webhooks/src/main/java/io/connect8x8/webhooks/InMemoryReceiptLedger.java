package io.connect8x8.webhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The default {@link ReceiptLedger}: one access-ordered map of the most recently updated messages, bounded by count
 * and by estimated bytes, so that neither many messages nor large receipts can fill the heap. A message remembers at
 * most {@link #MAX_STATES_PER_MESSAGE} distinct statuses (8x8 sends four or five), so a sender inventing new details
 * for one umid cannot grow it either.
 */
final class InMemoryReceiptLedger implements ReceiptLedger {

    /** The most distinct state and detail pairs remembered per message; the oldest is forgotten beyond it. */
    static final int MAX_STATES_PER_MESSAGE = 16;

    /** A remembered message: an inbound umid (no receipt) or a sent message's statuses. */
    private static final class Entry {
        final LinkedHashSet<String> seen = new LinkedHashSet<>();
        DeliveryReceipt latest;
        Instant latestAt;
        long bytes;
    }

    private final int maxMessages;
    private final long maxBytes;
    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    InMemoryReceiptLedger(int maxMessages, long maxBytes) {
        if (maxMessages < 1) {
            throw new IllegalArgumentException("maxMessages must be at least 1, was " + maxMessages);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1, was " + maxBytes);
        }
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
    }

    @Override
    public synchronized Outcome record(DeliveryReceipt receipt, Instant statusTime) {
        String key = 'r' + receipt.umid();
        Entry entry = entries.computeIfAbsent(key, k -> new Entry());
        String detail = receipt.status().detail();
        String state = receipt.state().toLowerCase(Locale.ROOT) + '\u0000'
                + (detail == null ? "" : detail.toLowerCase(Locale.ROOT));
        try {
            if (!entry.seen.add(state)) {
                return Outcome.DUPLICATE;
            }
            if (entry.seen.size() > MAX_STATES_PER_MESSAGE) {
                Iterator<String> oldest = entry.seen.iterator();
                oldest.next();
                oldest.remove();
            }
            if (entry.latest != null && statusTime.isBefore(entry.latestAt)) {
                return Outcome.OLDER;
            }
            entry.latest = receipt;
            entry.latestAt = statusTime;
            return Outcome.LATEST;
        } finally {
            resize(key, entry);
        }
    }

    @Override
    public synchronized boolean recordInbound(String umid) {
        String key = 'i' + umid;
        if (entries.get(key) != null) {
            return false;
        }
        Entry entry = new Entry();
        entries.put(key, entry);
        resize(key, entry);
        return true;
    }

    @Override
    public synchronized Optional<DeliveryReceipt> latest(String umid) {
        Entry entry = entries.get('r' + umid);
        return entry == null ? Optional.empty() : Optional.of(entry.latest);
    }

    @Override
    public synchronized List<DeliveryReceipt> latestAll() {
        List<DeliveryReceipt> all = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (entry.latest != null) {
                all.add(entry.latest);
            }
        }
        return List.copyOf(all);
    }

    /** Re-counts one entry's bytes, then forgets the least recently updated entries beyond either bound. */
    private void resize(String key, Entry entry) {
        long size = RetainedSize.entry(key, entry.seen, entry.latest);
        bytes += size - entry.bytes;
        entry.bytes = size;
        Iterator<Entry> eldest = entries.values().iterator();
        while (eldest.hasNext() && (bytes > maxBytes || entries.size() > maxMessages)) {
            bytes -= eldest.next().bytes;
            eldest.remove();
        }
    }

    /** The estimated bytes currently remembered, for tests. */
    synchronized long bytes() {
        return bytes;
    }
}
