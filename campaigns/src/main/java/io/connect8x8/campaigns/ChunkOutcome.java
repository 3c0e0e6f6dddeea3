package io.connect8x8.campaigns;

/** What happened to one chunk in one run of a campaign. */
public enum ChunkOutcome {
    /** Sent in this run and taken by the API (single messages may still have been rejected). */
    ACCEPTED,
    /** Sent in this run and refused whole by the API; final. */
    REJECTED,
    /** Not sent in this run: it provably never reached the server (attempts ran out); a re-run sends it. */
    FAILED,
    /** Sent, answer lost (in this run or an earlier one): reported for reconciliation, not resent. */
    AMBIGUOUS,
    /** Finished by an earlier run: not sent again. */
    SKIPPED,
    /**
     * Finished by another worker (accepted or rejected as a whole): it held the chunk when this run reached it, and
     * had recorded its answer by the end of this run. Not sent by this run; the report's counts are that worker's.
     */
    ELSEWHERE,
    /**
     * Not finished: when this run ended, another worker's live claim still held it (in a shared journal, a claim whose
     * lease has not run out, whether its worker is alive or was killed). This run did not send it and cannot tell
     * whether it will be sent: run the campaign again after the lease's end ({@link CampaignReport#heldUntil()}),
     * which takes over a chunk never written and reconciles one that may have been sent.
     */
    HELD
}
