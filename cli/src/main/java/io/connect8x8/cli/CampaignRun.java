package io.connect8x8.cli;

import com.google.gson.GsonBuilder;
import io.connect8x8.ValidationException;
import io.connect8x8.campaigns.Campaign;
import io.connect8x8.campaigns.CampaignJournal;
import io.connect8x8.campaigns.CampaignPreview;
import io.connect8x8.campaigns.CampaignProgress;
import io.connect8x8.campaigns.CampaignReport;
import io.connect8x8.campaigns.ChunkOutcome;
import io.connect8x8.campaigns.ChunkReport;
import io.connect8x8.campaigns.FileJournal;
import io.connect8x8.campaigns.LogExportRecords;
import io.connect8x8.campaigns.MemoryJournal;
import io.connect8x8.campaigns.ProgressListener;
import io.connect8x8.campaigns.RejectedMessage;
import io.connect8x8.postgresql.PostgresCampaignJournal;
import io.connect8x8.postgresql.SharedRateLimit;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Runs a campaign for a batch command: opens the journal the options name, shows progress on stderr (a bar on a
 * terminal, a plain line every few seconds otherwise), prints the summary and each message 8x8 rejected (number
 * masked) on stdout, and maps the outcome to the exit code: 0 all accepted, 3 some rejected (in this run, or by an
 * earlier run in a chunk this one skipped), 4 some failed or ambiguous, 5 some held by another worker's live lease
 * (not finished: run again after the lease's end).
 */
final class CampaignRun {

    private static final Duration PLAIN_INTERVAL = Duration.ofSeconds(5);

    private final CampaignOptions options;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean interactive;
    private final boolean json;
    private final String rateName;

    CampaignRun(CampaignOptions options, SendCommand command, String rateName) {
        this.options = options;
        this.out = command.out();
        this.err = command.err();
        this.interactive = command.root().context().interactive().getAsBoolean();
        this.json = command.root().json();
        this.rateName = rateName;
    }

    /** A campaign id from what identifies the run, so that the same command resumes without --campaign-id. */
    static String defaultId(String prefix, String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return prefix + HexFormat.of().formatHex(digest.digest(), 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs the campaign and prints its summary.
     *
     * @param builder the campaign, before the options are applied
     * @param campaignId the id to use when --campaign-id is absent
     * @param inputFile the file read (its journal sits beside it by default), or null
     * @param rows the input rows, read once
     * @param mapper makes a row's message; a row it throws for is refused alone
     * @param expected how many rows the input holds
     * @param records the log export of the campaign's API, to reconcile ambiguous chunks on a resume
     * @return the exit code
     */
    <T, M> int run(Campaign.Builder<M> builder, String campaignId, Path inputFile, Iterator<T> rows,
                   Function<T, M> mapper, long expected, LogExportRecords.Builder records) {
        String id = configure(builder, campaignId);
        builder.expectedMessages(expected).reconcile(options.reconcile);
        if (options.reconcile) {
            if (options.exportLagSeconds < 0) {
                throw new ValidationException("export-lag", "must not be negative");
            }
            if (options.exportMarginSeconds < 1) {
                throw new ValidationException("export-margin", "must be at least 1 second");
            }
            builder.records(records.exportLag(Duration.ofSeconds(options.exportLagSeconds)).build())
                    .recordsMargin(Duration.ofSeconds(options.exportMarginSeconds));
        }
        ProgressBar bar = interactive ? new ProgressBarBuilder().setTaskName(id).setInitialMax(expected)
                .setUpdateIntervalMillis(250).setUnit(" msg", 1)
                .setConsumer(new DelegatingProgressBarConsumer(line -> {
                    err.print('\r' + line);
                    err.flush();
                }, 100)).build() : null;
        builder.listener(bar != null ? progress -> bar.stepTo(progress.done()) : this::plainLine)
                .progressInterval(bar != null ? Duration.ofMillis(250) : PLAIN_INTERVAL);
        CampaignReport report;
        try (CampaignJournal journal = openJournal(inputFile, builder)) {
            report = builder.journal(journal).build().send(rows, mapper);
        } finally {
            if (bar != null) {
                bar.close();
                err.println();
                err.flush();
            }
        }
        print(report);
        if (report.failed() > 0 || report.ambiguous() > 0) {
            return ExitCodes.TRANSPORT;
        }
        if (report.held() > 0) {
            // Not sent by anyone yet: never 0 while messages remain unsent.
            return ExitCodes.NOT_SENT;
        }
        // A chunk an earlier run finished counts too: its rejected messages were never accepted, and are not resent.
        boolean rejected = report.rejected() > 0 || report.chunks().stream().anyMatch(c -> c.rejected() > 0);
        return rejected ? ExitCodes.API_ERROR : ExitCodes.OK;
    }

    /**
     * Under {@code --dry-run}: prints the campaign's first request exactly as {@link #run} would send it (built by
     * the campaign: its form, ids and size) on stdout, and which chunk it is and the rows refused before it on
     * stderr. Opens no journal and sends nothing.
     *
     * @param builder the campaign, before the options are applied
     * @param campaignId the id to use when --campaign-id is absent
     * @param rows the input rows, read up to the end of the first chunk
     * @param mapper makes a row's message
     * @return the exit code: 0, or 3 when a row was refused
     */
    <T, M> int preview(Campaign.Builder<M> builder, String campaignId, Iterator<T> rows, Function<T, M> mapper) {
        configure(builder, campaignId);
        CampaignPreview preview = builder.journal(new MemoryJournal()).build().preview(rows, mapper);
        for (String invalid : preview.invalid()) {
            err.println("invalid " + invalid);
        }
        if (preview.request() == null) {
            err.println("dry run: no row makes a message");
        } else {
            err.println("dry run: the first request of the campaign, chunk " + preview.clientBatchId() + " ("
                    + preview.messages() + " messages)");
            out.println(preview.request().toJson(true));
        }
        out.flush();
        err.flush();
        return preview.invalid().isEmpty() ? ExitCodes.OK : ExitCodes.API_ERROR;
    }

    private String configure(Campaign.Builder<?> builder, String campaignId) {
        String id = options.campaignId != null ? options.campaignId : campaignId;
        builder.campaignId(id).concurrency(options.concurrency).resendAmbiguous(options.resendAmbiguous);
        if (options.rate < 1) {
            throw new ValidationException("rate", "must be at least 1 request per second");
        }
        builder.rate(options.rate);
        return id;
    }

    private CampaignJournal openJournal(Path inputFile, Campaign.Builder<?> builder) {
        if (options.journal != null && options.journal.startsWith("jdbc:")) {
            if (!options.journal.startsWith("jdbc:postgresql:")) {
                throw new ValidationException("journal", "only jdbc:postgresql: URLs are supported");
            }
            if (options.leaseSeconds < 1) {
                throw new ValidationException("lease", "must be at least 1 second");
            }
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            try {
                dataSource.setURL(options.journal);
            } catch (IllegalArgumentException e) {
                // Not the driver's message: it repeats the URL, which may carry the database's password.
                throw new ValidationException("journal", "not a valid jdbc:postgresql: URL, such as "
                        + "jdbc:postgresql://host:5432/database");
            }
            // The journal first: a database that cannot be reached is a JournalException, one line and exit 5.
            PostgresCampaignJournal journal = PostgresCampaignJournal.builder(dataSource)
                    .lease(Duration.ofSeconds(options.leaseSeconds)).build();
            builder.bucket(SharedRateLimit.bucket(dataSource, rateName, options.rate));
            return journal;
        }
        Path file = options.journalFile(inputFile);
        return file == null ? new MemoryJournal() : FileJournal.open(file);
    }

    private void plainLine(CampaignProgress p) {
        if (p.finished()) {
            return; // the summary on stdout says it
        }
        String eta = p.eta().map(d -> ", eta " + d.toSeconds() + " s").orElse("");
        err.println("progress " + p.campaignId() + ": " + p.done() + (p.expected() >= 0 ? "/" + p.expected() : "")
                + " done, " + p.accepted() + " accepted, " + p.rejected() + " rejected, " + p.failed() + " failed, "
                + p.ambiguous() + " ambiguous, " + p.skipped() + " skipped, " + p.requests() + " requests, "
                + Math.round(p.messagesPerSecond()) + " msg/s" + eta);
        err.flush();
    }

    private void print(CampaignReport report) {
        List<ChunkReport> problems = new ArrayList<>();
        for (ChunkReport chunk : report.chunks()) {
            if (chunk.outcome() != ChunkOutcome.ACCEPTED && chunk.outcome() != ChunkOutcome.SKIPPED
                    && chunk.outcome() != ChunkOutcome.ELSEWHERE) {
                problems.add(chunk);
            }
        }
        if (json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("campaignId", report.campaignId());
            summary.put("messages", report.messages());
            summary.put("accepted", report.accepted());
            summary.put("rejected", report.rejected());
            summary.put("failed", report.failed());
            summary.put("ambiguous", report.ambiguous());
            summary.put("skipped", report.skipped());
            summary.put("elsewhere", report.elsewhere());
            summary.put("held", report.held());
            if (report.heldUntil() != null) {
                summary.put("heldUntil", report.heldUntil().toString());
            }
            summary.put("requests", report.requests());
            summary.put("elapsedMillis", report.elapsed().toMillis());
            List<Map<String, Object>> chunks = new ArrayList<>();
            for (ChunkReport chunk : problems) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("clientBatchId", chunk.clientBatchId());
                c.put("messages", chunk.messages());
                c.put("outcome", chunk.outcome().name());
                c.put("detail", chunk.detail());
                chunks.add(c);
            }
            summary.put("problems", chunks);
            summary.put("invalid", report.invalid());
            List<Map<String, Object>> rejections = new ArrayList<>();
            for (RejectedMessage rejection : report.rejections()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("position", rejection.position());
                r.put("clientMessageId", rejection.clientMessageId());
                r.put("recipient", rejection.recipient());
                r.put("errorCode", rejection.errorCode());
                r.put("reason", rejection.reason());
                rejections.add(r);
            }
            summary.put("rejections", rejections);
            out.println(new GsonBuilder().disableHtmlEscaping().create().toJson(summary));
        } else {
            long earlierRejected = report.chunks().stream().filter(c -> c.outcome() == ChunkOutcome.SKIPPED)
                    .mapToLong(ChunkReport::rejected).sum();
            for (String invalid : report.invalid()) {
                out.println("invalid " + invalid);
            }
            for (RejectedMessage rejection : report.rejections()) {
                out.println("rejected " + rejection.describe());
            }
            if (report.rejections().size() == CampaignReport.MAX_REJECTIONS) {
                out.println("(the first " + CampaignReport.MAX_REJECTIONS + " rejected rows are listed; the journal "
                        + "keeps every one)");
            }
            for (ChunkReport chunk : problems) {
                out.println(chunk.outcome().name().toLowerCase(java.util.Locale.ROOT) + " chunk "
                        + chunk.clientBatchId() + " (" + chunk.messages() + " messages): " + chunk.detail());
            }
            out.println("campaign " + report.campaignId() + ": " + report.messages() + " messages, "
                    + report.accepted() + " accepted, " + report.rejected() + " rejected"
                    + (earlierRejected > 0 ? " (and " + earlierRejected + " by an earlier run)" : "") + ", "
                    + report.failed()
                    + " failed, " + report.ambiguous() + " ambiguous, " + report.skipped()
                    + " skipped (done by an earlier run)"
                    + (report.elsewhere() > 0 ? ", " + report.elsewhere() + " finished by other workers" : "")
                    + (report.held() > 0 ? ", " + report.held() + " held by other workers (not finished)" : "") + "; "
                    + report.requests() + " requests in " + report.elapsed().toMillis() + " ms");
            if (!report.rejections().isEmpty()) {
                out.println("rejected messages were not sent, and running the same command again does not send "
                        + "them: fix those rows (#row counts data rows from 0) and send them as a new campaign");
            }
            if (report.ambiguous() > 0) {
                // The export covers a chunk only once its window's end (intent + margin) and the lag have passed: a
                // hint naming the lag alone had users rerun at once with --export-lag 0 and see nothing settle.
                out.println("ambiguous chunks may have been sent: run the same command again"
                        + (options.reconcile ? "" : " without --no-reconcile") + " once 8x8's log export covers them, "
                        + (options.exportMarginSeconds + options.exportLagSeconds) + " s (--export-margin + "
                        + "--export-lag) after they were sent, to settle them, or reconcile by clientMessageId "
                        + "(<campaign>-<row>) before --resend-ambiguous");
            }
            if (report.failed() > 0) {
                out.println("failed chunks were not sent: run the same command again to send them");
            }
            if (report.held() > 0) {
                long chunks = report.chunks().stream().filter(c -> c.outcome() == ChunkOutcome.HELD).count();
                out.println("not finished: " + chunks + (chunks == 1 ? " chunk" : " chunks") + " (" + report.held()
                        + " messages) held by another worker's lease"
                        + (report.heldUntil() == null ? "" : " until " + report.heldUntil())
                        + ", not sent by this run: run the same command again after that to send them (a worker "
                        + "that is still running may finish them first)");
            }
        }
        out.flush();
    }
}
