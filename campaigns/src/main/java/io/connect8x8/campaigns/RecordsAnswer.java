package io.connect8x8.campaigns;

import java.util.Set;

/**
 * What a {@link MessageRecords} source knows of an ambiguous chunk.
 *
 * @param found the clientMessageIds of the chunk's messages that 8x8's records hold: they reached 8x8 and are never
 *     sent again
 * @param coversWindow whether the source covers the chunk's whole window: every message 8x8 received in it is in the
 *     source (a log export taken after the export lag has passed), so a message it lacks provably never reached 8x8
 */
public record RecordsAnswer(Set<String> found, boolean coversWindow) {

    /** Knows nothing: found nothing, covers nothing. */
    public static final RecordsAnswer NOTHING = new RecordsAnswer(Set.of(), false);

    /**
     * Makes an answer; the ids are copied.
     *
     * @param found the ids found
     * @param coversWindow whether the source covers the window
     */
    public RecordsAnswer {
        found = Set.copyOf(found);
    }
}
