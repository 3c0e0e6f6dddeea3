package io.connect8x8.campaigns;

/**
 * What a journal knows about one chunk of a campaign. The state decides what a later run may do with the chunk.
 */
public enum ChunkState {

    /**
     * A worker holds the chunk and waits for its rate-limit token: nothing was written yet, so a crash here leaves the
     * chunk not sent. Only a journal shared between processes records it (to keep other workers off the chunk).
     */
    CLAIMED,

    /** The intent was recorded and the request may be on its way: no answer was recorded yet. */
    SENDING,

    /** The API took the batch (some of its messages may still have been rejected one by one). */
    ACCEPTED,

    /** The API refused the whole batch (HTTP 4xx other than 429): sending it again gets the same answer. */
    REJECTED,

    /** The request provably never reached the server, or the server said it did not process it: safe to send. */
    NOT_SENT,

    /** The request may have been processed and its answer was lost: reconcile before sending it again. */
    AMBIGUOUS
}
