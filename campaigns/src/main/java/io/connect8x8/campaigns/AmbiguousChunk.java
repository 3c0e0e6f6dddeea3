package io.connect8x8.campaigns;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A chunk that may have been processed, as a {@link MessageRecords} source is asked about it.
 *
 * @param campaignId the campaign
 * @param sequence the chunk's position in the campaign
 * @param clientBatchId the batch id it was sent with
 * @param clientMessageIds its messages' ids, as sent
 * @param from the start of the window in which 8x8 may have received it (its intent's time less the campaign's
 *     margin), or null when the journal did not record the time
 * @param to the end of that window (the intent's time plus the margin), or null when unknown
 */
public record AmbiguousChunk(String campaignId, long sequence, String clientBatchId, List<String> clientMessageIds,
                             Instant from, Instant to) {

    /**
     * Makes the question; the ids are copied.
     *
     * @param campaignId the campaign
     * @param sequence the chunk's position
     * @param clientBatchId the batch id it was sent with
     * @param clientMessageIds its messages' ids
     * @param from the start of the window, or null
     * @param to the end of the window, or null
     * @throws NullPointerException when an id or the list is null
     */
    public AmbiguousChunk {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(clientBatchId, "clientBatchId");
        clientMessageIds = List.copyOf(clientMessageIds);
    }

}
