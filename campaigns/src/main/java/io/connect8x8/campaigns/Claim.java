package io.connect8x8.campaigns;

import java.util.Objects;

/**
 * A journal's answer to "may I send this chunk?".
 *
 * @param verdict what the caller does with the chunk
 * @param record the chunk's state as recorded before this claim, or null when the chunk was new
 */
public record Claim(Verdict verdict, ChunkRecord record) {

    /** What the caller does with a claimed chunk. */
    public enum Verdict {
        /** Send it: the intent is now recorded under the caller's name. */
        SEND,
        /** Skip it: an earlier run finished it (accepted or rejected). */
        DONE,
        /** Do not send it: it may have been processed already; report it for reconciliation. */
        AMBIGUOUS,
        /**
         * Skip it: another worker holds it right now. The run reads it again at its end
         * ({@link CampaignJournal#status}) to report it finished elsewhere or still held, not finished.
         */
        ELSEWHERE
    }

    /**
     * Makes a journal's answer; the verdict is what the caller acts on, so it is required.
     *
     * @param verdict what the caller does with the chunk
     * @param record the chunk's state as recorded before this claim, or null when the chunk was new
     * @throws NullPointerException when {@code verdict} is null
     */
    public Claim {
        Objects.requireNonNull(verdict, "verdict");
    }

    /**
     * Returns a claim that lets the caller send a new chunk.
     *
     * @return a claim that lets the caller send a new chunk
     */
    public static Claim send() {
        return new Claim(Verdict.SEND, null);
    }
}
