package io.connect8x8.campaigns;

import io.connect8x8.RequestPreview;
import java.util.List;
import java.util.Objects;

/**
 * The first request a campaign would make over an input, built by the campaign's own code (the same cut, ids,
 * refusals and batch form as {@link Campaign#send}), so that a dry run shows what is sent, not a look-alike.
 *
 * @param clientBatchId the first chunk's batch id ({@code <campaignId>-0}), or null when no row makes a message
 * @param messages how many messages the first chunk holds
 * @param request the first chunk's request, the key redacted; null when no row makes a message
 * @param invalid the rows refused before the first chunk closed, as {@code "#position field: reason"}
 */
public record CampaignPreview(String clientBatchId, int messages, RequestPreview request, List<String> invalid) {

    /**
     * Makes a preview; the refused rows are copied.
     *
     * @param clientBatchId the first chunk's batch id, or null
     * @param messages how many messages the first chunk holds
     * @param request the first chunk's request, or null
     * @param invalid the rows refused before the first chunk closed
     * @throws NullPointerException when {@code invalid} is null
     */
    public CampaignPreview {
        invalid = List.copyOf(Objects.requireNonNull(invalid, "invalid"));
    }
}
