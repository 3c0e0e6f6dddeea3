package io.connect8x8.campaigns;

import java.util.List;
import java.util.Objects;

/**
 * A chunk's last recorded state.
 *
 * @param state the state
 * @param accepted messages the API accepted (for {@link ChunkState#ACCEPTED})
 * @param rejected messages the API rejected
 * @param detail the batch id 8x8 gave, or what went wrong; may be null
 * @param rejections the messages 8x8 rejected inside the accepted batch, each with its position and reason, as its
 *     answer listed them; empty when none was, or the answer did not list them
 */
public record ChunkRecord(ChunkState state, int accepted, int rejected, String detail,
                         List<RejectedMessage> rejections) {

    /**
     * Makes a record; every recorded chunk has a state, the counts and the detail depend on it.
     *
     * @param state the state
     * @param accepted messages the API accepted
     * @param rejected messages the API rejected
     * @param detail the batch id 8x8 gave, or what went wrong; may be null
     * @param rejections the messages 8x8 rejected inside the batch; null for none
     * @throws NullPointerException when {@code state} is null
     */
    public ChunkRecord {
        Objects.requireNonNull(state, "state");
        rejections = rejections == null ? List.of() : List.copyOf(rejections);
    }

    /**
     * Makes a record that lists no rejected message.
     *
     * @param state the state
     * @param accepted messages the API accepted
     * @param rejected messages the API rejected
     * @param detail the batch id 8x8 gave, or what went wrong; may be null
     * @throws NullPointerException when {@code state} is null
     */
    public ChunkRecord(ChunkState state, int accepted, int rejected, String detail) {
        this(state, accepted, rejected, detail, List.of());
    }
}
