package io.connect8x8.campaigns;

import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The delivery receipts already received (a receipt ledger, in a file or in PostgreSQL) as a {@link MessageRecords}
 * source: a message with a receipt reached 8x8. Receipts never prove a message absent (one may come late, or never:
 * many operators send none), so this source never covers a window: alone, it settles a chunk only when every message
 * of it has a receipt.
 *
 * <pre>{@code
 * // any ledger: the ids among these that have a receipt
 * MessageRecords receipts = new ReceiptRecords(ids -> ledger.latestAll().stream()
 *         .map(DeliveryReceipt::clientMessageId).filter(ids::contains).collect(Collectors.toSet()));
 * }</pre>
 */
public final class ReceiptRecords implements MessageRecords {

    private final Function<Collection<String>, ? extends Collection<String>> lookup;

    /**
     * Makes the source over a ledger's lookup.
     *
     * @param lookup given clientMessageIds, returns those that have a receipt
     */
    public ReceiptRecords(Function<Collection<String>, ? extends Collection<String>> lookup) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    @Override
    public RecordsAnswer lookup(AmbiguousChunk chunk) {
        Set<String> found = new HashSet<>(lookup.apply(chunk.clientMessageIds()));
        found.retainAll(Set.copyOf(chunk.clientMessageIds()));
        return new RecordsAnswer(found, false);
    }
}
