package io.connect8x8.campaigns;

import java.util.Objects;

/**
 * A chunk's last recorded state.
 *
 * @param state the state
 * @param accepted messages the API accepted (for {@link ChunkState#ACCEPTED})
 * @param rejected messages the API rejected
 * @param detail the batch id 8x8 gave, or what went wrong; may be null
 */
public record ChunkRecord(ChunkState state, int accepted, int rejected, String detail) {

    /**
     * Makes a record; every recorded chunk has a state, the counts and the detail depend on it.
     *
     * @param state the state
     * @param accepted messages the API accepted
     * @param rejected messages the API rejected
     * @param detail the batch id 8x8 gave, or what went wrong; may be null
     * @throws NullPointerException when {@code state} is null
     */
    public ChunkRecord {
        Objects.requireNonNull(state, "state");
    }
}
