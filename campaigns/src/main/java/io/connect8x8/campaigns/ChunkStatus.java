package io.connect8x8.campaigns;

import java.time.Instant;
import java.util.Objects;

/**
 * What a journal records about one chunk right now, read without claiming it: at the end of a run, whether a chunk
 * another worker held when this run reached it was finished meanwhile, or is still held and not finished.
 *
 * @param record the chunk's last record
 * @param held whether a worker's live claim holds it now ({@link ChunkState#CLAIMED} or {@link ChunkState#SENDING}
 *     within its lease): not finished, and no other worker may take it yet
 * @param heldUntil when that claim's lease ends, after which another run may take the chunk over (a claim never
 *     written) or reconcile it (one being sent); null when not held, or when the journal keeps no lease (a claim of
 *     this process, which it finishes or releases itself)
 */
public record ChunkStatus(ChunkRecord record, boolean held, Instant heldUntil) {

    /**
     * Makes a status; a chunk the journal knows has a record.
     *
     * @param record the chunk's last record
     * @param held whether a worker's live claim holds it now
     * @param heldUntil when that claim's lease ends; null when not held or unknown
     * @throws NullPointerException when {@code record} is null
     * @throws IllegalArgumentException when a lease end is given for a chunk that is not held
     */
    public ChunkStatus {
        Objects.requireNonNull(record, "record");
        if (!held && heldUntil != null) {
            throw new IllegalArgumentException("heldUntil is only for a held chunk");
        }
    }
}
