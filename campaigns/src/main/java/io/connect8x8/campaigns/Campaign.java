package io.connect8x8.campaigns;

import io.connect8x8.RequestOptions;
import io.connect8x8.RetryPolicy;
import io.connect8x8.Sleeper;
import io.connect8x8.ValidationException;
import io.connect8x8.campaigns.internal.Engine;
import io.connect8x8.campaigns.internal.MessageKind;
import io.connect8x8.campaigns.internal.Pacer;
import io.github.bucket4j.Bucket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A campaign: any number of messages sent as batch requests, paced, journaled and resumable. Built by
 * {@link Campaigns#sms} or {@link Campaigns#chatApps}; immutable, and {@link #send} may be called again after a crash
 * or a failure: the journal makes the second run skip what the first one finished.
 *
 * <pre>{@code
 * CampaignReport report = Campaigns.sms(client)
 *     .campaignId("spring-sale")
 *     .journal(FileJournal.open(Path.of("spring-sale.journal")))
 *     .build()
 *     .send(customers.stream().map(c -> Sms.builder().to(c.phone()).text("Hi " + c.name()).build()));
 * }</pre>
 *
 * <p>How a run decides per chunk: chunks are cut the same way from the same input, numbered from 0, and sent with
 * {@code clientBatchId} {@code <campaignId>-<sequence>}; a message without a {@code clientMessageId} gets
 * {@code <campaignId>-<position>}. A chunk the journal records as accepted or rejected is skipped; one that provably
 * never reached the server is sent; one that may have been processed (its answer lost, or a crash while it was in
 * flight) is settled from 8x8's records when {@link Builder#records} are given (messages found count as accepted,
 * messages absent from records that cover the chunk's window are sent again under their ids), and otherwise reported
 * as ambiguous and not sent unless {@link Builder#resendAmbiguous(boolean)} opts in.
 *
 * @param <M> the message type ({@link io.connect8x8.sms.Sms} or {@link io.connect8x8.chatapps.ChatMessage})
 */
public final class Campaign<M> {

    /** 8x8's documented limit: 1,800 requests per second per sub-account. */
    public static final int DEFAULT_RATE = 1_800;
    /** The longest campaign id: with {@code -} and a 7-digit sequence it still fits SMS's 20-character batch id. */
    public static final int MAX_CAMPAIGN_ID = 12;

    /** The longest backoff between two attempts of a chunk (the transport's default). */
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(8);

    private static final Pattern CAMPAIGN_ID = Pattern.compile("[A-Za-z0-9_.]([A-Za-z0-9_.-]*)");

    private final MessageKind<M> kind;
    private final Engine.EngineSettings settings;
    /** Where the default journal lives, opened by each {@link #send} and closed after it; null when one was given. */
    private final Path defaultJournal;

    private Campaign(Builder<M> b) {
        this.kind = b.kind;
        if (b.campaignId == null) {
            throw new ValidationException("campaignId", "is required");
        }
        if (b.campaignId.length() > MAX_CAMPAIGN_ID || !CAMPAIGN_ID.matcher(b.campaignId).matches()) {
            throw new ValidationException("campaignId", "must be 1 to " + MAX_CAMPAIGN_ID
                    + " letters, digits, '_', '.' or '-' (not first)");
        }
        Bucket bucket = b.bucket != null ? b.bucket : Bucket.builder()
                .addLimit(limit -> limit.capacity(b.rate).refillGreedy(b.rate, Duration.ofSeconds(1))).build();
        this.defaultJournal = b.journal != null ? null
                : Path.of(".connect8x8", "campaigns", b.campaignId + ".journal");
        // One retry engine, the transport's: it resends what provably was not processed (a 429 after its
        // Retry-After, a 503, a connection that failed before the request was written) with jittered backoff. An
        // ambiguous failure is never retried: the journal reports it for reconciliation.
        RetryPolicy retries = b.options != null && b.options.retryPolicy().isPresent()
                ? b.options.retryPolicy().get().toBuilder().retryAmbiguousFailures(false).build()
                : RetryPolicy.builder().maxAttempts(b.maxAttempts).initialBackoff(b.initialBackoff)
                        .maxBackoff(b.initialBackoff.compareTo(MAX_BACKOFF) > 0 ? b.initialBackoff : MAX_BACKOFF)
                        .retryAmbiguousFailures(false).build();
        RequestOptions.Builder options = RequestOptions.builder().retryPolicy(retries);
        if (b.options != null) {
            b.options.timeout().ifPresent(options::timeout);
            b.options.subAccountId().ifPresent(options::subAccountId);
        }
        this.settings = new Engine.EngineSettings(b.campaignId, b.journal, new Pacer(bucket, b.sleeper), b.concurrency,
                b.maxBatchBytes, b.resendAmbiguous, options.build(), b.listener, b.progressInterval,
                b.expectedMessages, List.copyOf(b.records), b.reconcile, b.recordsMargin);
    }

    static <M> Builder<M> builder(MessageKind<M> kind) {
        return new Builder<>(kind);
    }

    /**
     * Returns the campaign id.
     *
     * @return the campaign id
     */
    public String campaignId() {
        return settings.campaignId();
    }

    /**
     * Sends every message of the input, reading it once and never holding it whole. Returns when every chunk has an
     * outcome; failures of single chunks are in the report, not thrown.
     *
     * @param messages the messages, in a stable order (a resume must see the same order)
     * @return the run's report
     * @throws JournalException when the journal cannot be opened or written, or disagrees with the input
     * @throws io.connect8x8.ValidationException when the campaign id is too long for the chunk count
     * @throws CampaignInterruptedException when the calling thread is interrupted
     */
    public CampaignReport send(Iterator<? extends M> messages) {
        return send(messages, Function.<M>identity());
    }

    /**
     * Sends a message for every row of the input, made by the caller's mapping as it is read: a row whose mapping
     * throws (a malformed number refused by {@code Sms.build()}, a missing column) is refused alone, listed in
     * {@link CampaignReport#invalid()} with its position and reason, and the campaign goes on. Positions count rows
     * from 0, refused ones included, so they match the input and a resume gives every message the same id.
     *
     * @param rows the input rows, in a stable order (a resume must see the same order), read once
     * @param mapper makes a row's message; may throw for a bad row, must not return null
     * @param <T> the row type
     * @return the run's report
     * @throws JournalException when the journal cannot be opened or written, or disagrees with the input
     * @throws io.connect8x8.ValidationException when the campaign id is too long for the chunk count
     * @throws CampaignInterruptedException when the calling thread is interrupted
     */
    public <T> CampaignReport send(Iterator<? extends T> rows, Function<? super T, ? extends M> mapper) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(mapper, "mapper");
        if (defaultJournal == null) {
            return run(settings, rows, mapper);
        }
        try (FileJournal journal = FileJournal.open(defaultJournal)) {
            return run(settings.withJournal(journal), rows, mapper);
        }
    }

    /**
     * Sends a message for every element of the stream, mapped as it is read; see {@link #send(Iterator, Function)}.
     * The stream is not closed.
     *
     * @param rows the input rows, in a stable order
     * @param mapper makes a row's message; may throw for a bad row
     * @param <T> the row type
     * @return the run's report
     */
    public <T> CampaignReport send(Stream<? extends T> rows, Function<? super T, ? extends M> mapper) {
        return send(rows.iterator(), mapper);
    }

    /**
     * The first request {@link #send(Iterator, Function)} would make over this input, built by the same code, without
     * a journal and without sending: what {@code --dry-run} of the CLI's batch commands prints. Reads the input only
     * up to the end of the first chunk.
     *
     * @param rows the input rows
     * @param mapper makes a row's message; may throw for a bad row
     * @param <T> the row type
     * @return the first chunk's request and the rows refused before it
     * @throws io.connect8x8.ValidationException when the campaign id is too long for the chunk count
     */
    public <T> CampaignPreview preview(Iterator<? extends T> rows, Function<? super T, ? extends M> mapper) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(mapper, "mapper");
        return new Engine<>(kind, settings).preview(rows, mapper);
    }

    private <T> CampaignReport run(Engine.EngineSettings runSettings, Iterator<? extends T> rows,
                                   Function<? super T, ? extends M> mapper) {
        try {
            return new Engine<>(kind, runSettings).run(rows, mapper);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CampaignInterruptedException(e);
        }
    }

    /**
     * Sends every message of the stream; see {@link #send(Iterator)}. The stream is not closed.
     *
     * @param messages the messages, in a stable order
     * @return the run's report
     */
    public CampaignReport send(Stream<? extends M> messages) {
        return send(messages.iterator());
    }

    /**
     * Builds a {@link Campaign}.
     *
     * @param <M> the message type
     */
    public static final class Builder<M> {
        private final MessageKind<M> kind;
        private String campaignId;
        private CampaignJournal journal;
        private int rate = DEFAULT_RATE;
        private Bucket bucket;
        private int concurrency = 4;
        private long maxBatchBytes = 4L * 1024 * 1024;
        private int maxAttempts = 5;
        private Duration initialBackoff = Duration.ofMillis(250);
        private boolean resendAmbiguous;
        private RequestOptions options;
        private ProgressListener listener = ProgressListener.NONE;
        private Duration progressInterval = Duration.ofSeconds(1);
        private long expectedMessages = -1;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private List<MessageRecords> records = List.of();
        private boolean reconcile = true;
        private Duration recordsMargin = Duration.ofMinutes(10);

        private Builder(MessageKind<M> kind) {
            this.kind = kind;
        }

        /**
         * Names the campaign. The id keys its journal, so running the same id again resumes where the last run stopped
         * instead of sending everything twice.
         *
         * @param campaignId the campaign's id, 1 to 12 letters, digits, '_', '.' or '-'; required. The same id resumes
         *     the same campaign.
         * @return this builder
         */
        public Builder<M> campaignId(String campaignId) {
            this.campaignId = Objects.requireNonNull(campaignId, "campaignId");
            return this;
        }

        /**
         * Sets where the campaign records each chunk before and after sending it: the record that makes a re-run skip
         * what was done and hold back what may have been sent.
         *
         * @param journal where chunk intents and outcomes are recorded; the caller keeps ownership and closes it
         *     (default: a {@link FileJournal} at {@code .connect8x8/campaigns/<campaignId>.journal} under the working
         *     directory, opened and closed by each {@link #send} call)
         * @return this builder
         */
        public Builder<M> journal(CampaignJournal journal) {
            this.journal = Objects.requireNonNull(journal, "journal");
            return this;
        }

        /**
         * Sets how many batch requests per second this process makes, so a campaign stays under 8x8's rate limit
         * instead of living on 429 answers. Below 1 is refused with a {@link ValidationException}.
         *
         * @param requestsPerSecond the pace of batch requests of this process (default {@value #DEFAULT_RATE},
         *     8x8's limit per sub-account); ignored when {@link #bucket(Bucket)} is given
         * @return this builder
         */
        public Builder<M> rate(int requestsPerSecond) {
            if (requestsPerSecond < 1) {
                throw new ValidationException("rate", "must be at least 1 request per second");
            }
            this.rate = requestsPerSecond;
            return this;
        }

        /**
         * Sets the token bucket that paces requests, in place of the local one {@link #rate(int)} makes: several
         * processes sending for one sub-account share one rate only through a shared bucket.
         *
         * @param bucket a Bucket4j bucket that paces requests, one token each; give a bucket shared between processes
         *     (for example from {@code connect8x8-postgresql}) so that they keep one sub-account's rate together
         *     (default: a local bucket at {@link #rate(int)})
         * @return this builder
         */
        public Builder<M> bucket(Bucket bucket) {
            this.bucket = Objects.requireNonNull(bucket, "bucket");
            return this;
        }

        /**
         * Sets how many batch requests may be in flight at once; more hides each request's latency, the pace still
         * comes from the rate. Outside 1 to 64 is refused with a {@link ValidationException}.
         *
         * @param concurrency batch requests in flight at once, 1 to 64 (default 4)
         * @return this builder
         */
        public Builder<M> concurrency(int concurrency) {
            if (concurrency < 1 || concurrency > 64) {
                throw new ValidationException("concurrency", "must be 1 to 64, was " + concurrency);
            }
            this.concurrency = concurrency;
            return this;
        }

        /**
         * Caps a chunk by its estimated body size as well as by message count, so long texts or templates do not make a
         * request the API refuses for its size. Below 16 KiB is refused with a {@link ValidationException}.
         *
         * @param bytes the largest estimated request body; a chunk closes before a message would pass it, whatever
         *     the count (default 4 MiB)
         * @return this builder
         */
        public Builder<M> maxBatchBytes(long bytes) {
            if (bytes < 16 * 1024) {
                throw new ValidationException("maxBatchBytes", "must be at least 16 KiB");
            }
            this.maxBatchBytes = bytes;
            return this;
        }

        /**
         * Sets how many times a chunk is sent while each failure proves it was not processed; a chunk that may have
         * been processed is never resent this way. The client's transport makes the attempts (its one retry engine:
         * jittered backoff, a 429's Retry-After, the call's deadline); the campaign holds its other workers back
         * after a 429. Outside 1 to 20 is refused with a {@link ValidationException}.
         *
         * @param attempts requests per chunk while the answer proves it was not sent (429, 503, connection refused),
         *     1 to 20 (default 5); ignored when {@link #options(RequestOptions)} carry a retry policy
         * @return this builder
         */
        public Builder<M> maxAttempts(int attempts) {
            if (attempts < 1 || attempts > 20) {
                throw new ValidationException("maxAttempts", "must be 1 to 20, was " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        /**
         * Sets the first wait before resending a chunk that provably was not sent, so a struggling server is not
         * hammered.
         *
         * @param backoff the cap of the first jittered wait after a not-sent failure other than 429, doubled for
         *     each later one up to 8 s (default 250 ms); a 429 waits its {@code Retry-After}
         * @return this builder
         */
        public Builder<M> initialBackoff(Duration backoff) {
            this.initialBackoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /**
         * Opts in to sending again the chunks that may already have been processed. The API has no idempotency key:
         * this can deliver messages twice. Reconcile by {@code clientMessageId} first when you can.
         *
         * @param resend whether to resend ambiguous chunks (default false)
         * @return this builder
         */
        public Builder<M> resendAmbiguous(boolean resend) {
            this.resendAmbiguous = resend;
            return this;
        }

        /**
         * Sets the per-call options of every batch request: the deadline (retries and their waits included), the
         * sub-account, and the retry policy in place of {@link #maxAttempts(int)} and {@link #initialBackoff}.
         *
         * @param options the deadline, sub-account and retry policy of every batch call; ambiguous failures are never
         *     retried, whatever the policy says (default: the client's deadline and sub-account)
         * @return this builder
         */
        public Builder<M> options(RequestOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Sets who is told how the run is going: counts so far and an ETA, for a progress bar or a log line.
         *
         * @param listener sees progress periodically and once at the end (default: none)
         * @return this builder
         */
        public Builder<M> listener(ProgressListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Sets how often the progress listener is called. Below 1 ms is refused with a {@link ValidationException}.
         *
         * @param interval how often the listener is called (default 1 s)
         * @return this builder
         */
        public Builder<M> progressInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.toMillis() < 1) {
                throw new ValidationException("progressInterval", "must be at least 1 ms");
            }
            this.progressInterval = interval;
            return this;
        }

        /**
         * Tells the campaign how many messages to expect, when the caller knows it: the input is streamed, so without
         * it progress has no total and no ETA.
         *
         * @param messages how many messages the input holds, for the progress ETA (default: unknown)
         * @return this builder
         */
        public Builder<M> expectedMessages(long messages) {
            this.expectedMessages = messages;
            return this;
        }

        /**
         * Sets how workers wait in the pacer (for a rate-limit token, and out another worker's 429); the waits between
         * attempts of one call are the client's ({@link io.connect8x8.Connect8x8Client.Builder#sleeper}).
         *
         * @param sleeper how workers wait for a token or out a pause (default: {@link Sleeper#SYSTEM})
         * @return this builder
         */
        public Builder<M> sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Sets where a resume looks up the messages of ambiguous chunks (sent by a run that crashed, or whose answer
         * was lost): each message found in 8x8's records is counted accepted and never sent again; each one absent
         * from records that cover the chunk's window is sent again under its original clientMessageId. While a
         * message is neither, its chunk stays ambiguous (see the module's README: what "cover" means).
         *
         * @param sources asked in order, until every message is found: typically a {@link LogExportRecords} (proves
         *     absence) and a {@link ReceiptRecords} (receipts already received); none by default, so ambiguous chunks
         *     are reported, not settled
         * @return this builder
         */
        public Builder<M> records(MessageRecords... sources) {
            this.records = List.of(sources);
            return this;
        }

        /**
         * Turns reconciliation of ambiguous chunks on or off (CLI: {@code --no-reconcile}).
         *
         * @param reconcile whether ambiguous chunks are settled from the {@link #records} (default true)
         * @return this builder
         */
        public Builder<M> reconcile(boolean reconcile) {
            this.reconcile = reconcile;
            return this;
        }

        /**
         * Sets how far before and after a chunk's recorded intent 8x8's records are searched for its messages: the
         * request's time on the wire, the call's deadline and the clock difference between this host and 8x8.
         * Below 1 s is refused with a {@link ValidationException}.
         *
         * @param margin either side of the intent's time (default 10 minutes)
         * @return this builder
         */
        public Builder<M> recordsMargin(Duration margin) {
            if (margin.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new ValidationException("recordsMargin", "must be at least 1 s");
            }
            this.recordsMargin = margin;
            return this;
        }

        /**
         * Builds the campaign. Nothing is sent and no journal is opened until it is run.
         *
         * @return the campaign
         * @throws ValidationException when the campaign id is missing or malformed
         */
        public Campaign<M> build() {
            return new Campaign<>(this);
        }
    }
}
