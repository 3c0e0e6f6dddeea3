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
    /** Held by another worker at the time: not sent by this one. */
    ELSEWHERE
}
