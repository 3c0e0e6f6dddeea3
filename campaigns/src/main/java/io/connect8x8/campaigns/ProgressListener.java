package io.connect8x8.campaigns;

/**
 * Sees a campaign's progress: called periodically from one thread while the campaign runs, and once at the end. It
 * must return quickly; an exception it throws is ignored.
 */
@FunctionalInterface
public interface ProgressListener {

    /** Ignores progress. */
    ProgressListener NONE = progress -> { };

    /**
     * Receives a snapshot.
     *
     * @param progress the counts so far
     */
    void onProgress(CampaignProgress progress);
}
