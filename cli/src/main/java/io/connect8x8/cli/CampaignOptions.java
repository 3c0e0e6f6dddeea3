package io.connect8x8.cli;

import io.connect8x8.campaigns.Campaign;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of every command that runs a campaign: its id, journal, pace and workers. */
final class CampaignOptions {

    @Option(names = "--campaign-id", paramLabel = "ID",
            description = {"The campaign's id (1-12 letters, digits, '_', '.', '-'). Running the same command with "
                    + "the same id resumes it.", "Default: derived from the file's path and the message."})
    String campaignId;

    @Option(names = "--journal", paramLabel = "PATH|URL",
            description = {"Where chunk intents and outcomes are recorded: a file, or a jdbc:postgresql: URL shared "
                    + "by several workers.", "Default: the input file's path with .journal appended (with --to: "
                    + "kept in memory, so not resumable)."})
    String journal;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "" + Campaign.DEFAULT_RATE,
            description = "Batch requests per second (default: ${DEFAULT-VALUE}, 8x8's limit per sub-account).")
    int rate;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
            description = "Batch requests in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--reconcile", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = {"On a resume, settle chunks that may have been sent from 8x8's log export over each "
                    + "chunk's time window: messages found count as accepted, messages absent once the export covers "
                    + "the window are sent again under their ids (default: on; --no-reconcile reports them instead).",
                    "Needs log export access for the key."})
    boolean reconcile;

    @Option(names = "--export-lag", paramLabel = "SECONDS", defaultValue = "900",
            description = "How long after a message 8x8's log export is sure to list it (default: ${DEFAULT-VALUE}); "
                    + "a chunk sent more recently stays ambiguous until then.")
    long exportLagSeconds;

    @Option(names = "--export-margin", paramLabel = "SECONDS", defaultValue = "600",
            description = "How far before and after a chunk's recorded intent 8x8's log export is searched for its "
                    + "messages (default: ${DEFAULT-VALUE}, at least 1): the export covers a chunk once this margin "
                    + "and --export-lag have passed after its intent.")
    long exportMarginSeconds;

    @Option(names = "--lease", paramLabel = "SECONDS", defaultValue = "300",
            description = "With a jdbc:postgresql: journal: how long a chunk claimed or being sent by a worker that "
                    + "recorded nothing since stays its own; past it the worker counts as gone (a claimed chunk is "
                    + "taken over, one being sent is ambiguous and reconciled); chunks still held by another worker's "
                    + "lease when the run ends are named with the lease's end, and the exit code is 5 "
                    + "(default: ${DEFAULT-VALUE}).")
    long leaseSeconds;

    @Option(names = "--resend-ambiguous",
            description = "Send again the chunks that may already have been sent (can deliver twice).")
    boolean resendAmbiguous;

    /**
     * @param input the input file, or null when the recipients came on the command line
     * @return the journal file, or null for a memory journal
     */
    Path journalFile(Path input) {
        if (journal != null) {
            return Path.of(journal);
        }
        return input == null ? null : Path.of(input + ".journal");
    }
}
