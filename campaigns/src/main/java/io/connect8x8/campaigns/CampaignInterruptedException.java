package io.connect8x8.campaigns;

import io.connect8x8.Connect8x8Exception;

/**
 * The thread running a campaign was interrupted. Chunks in flight may be ambiguous; the journal tells a later run
 * which ones, so run the campaign again to finish it.
 */
public class CampaignInterruptedException extends Connect8x8Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param cause the interruption
     */
    public CampaignInterruptedException(InterruptedException cause) {
        super("the campaign was interrupted; run it again to resume", cause, 0);
    }
}
