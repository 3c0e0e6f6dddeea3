package io.connect8x8.campaigns;

/**
 * A source of 8x8's own records of the messages it received, consulted to settle an ambiguous chunk (one whose
 * request may have been processed while its answer was lost): the API has no idempotency key, so only its records
 * can tell which of the chunk's messages went out.
 *
 * <p>Sources: {@link LogExportRecords} (8x8's log export over the chunk's time window: it can prove a message
 * absent), {@link ReceiptRecords} (delivery receipts already received, from a receipt ledger: it can prove a message
 * sent, never absent), or any other (message details by umid, a data warehouse) implementing this interface. A
 * campaign asks its sources in order ({@link Campaign.Builder#records}) and stops when every message is found.
 */
@FunctionalInterface
public interface MessageRecords {

    /**
     * What this source knows of the messages of an ambiguous chunk.
     *
     * @param chunk the chunk: its messages' ids and the time window in which 8x8 may have received them
     * @return the messages found, and whether the source covers the whole window (so that a message it does not hold
     *     provably never reached 8x8)
     * @throws RuntimeException when the source cannot be read; the campaign then treats it as covering nothing
     */
    RecordsAnswer lookup(AmbiguousChunk chunk);
}
