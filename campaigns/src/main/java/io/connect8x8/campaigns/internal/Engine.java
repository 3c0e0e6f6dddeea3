package io.connect8x8.campaigns.internal;

import io.connect8x8.CallListener;
import io.connect8x8.Connect8x8Exception;
import io.connect8x8.Masking;
import io.connect8x8.RequestOptions;
import io.connect8x8.RequestPreview;
import io.connect8x8.ValidationException;
import io.connect8x8.campaigns.AmbiguousChunk;
import io.connect8x8.campaigns.CampaignJournal;
import io.connect8x8.campaigns.CampaignPreview;
import io.connect8x8.campaigns.CampaignReport;
import io.connect8x8.campaigns.ChunkIntent;
import io.connect8x8.campaigns.ChunkOutcome;
import io.connect8x8.campaigns.ChunkRecord;
import io.connect8x8.campaigns.ChunkReport;
import io.connect8x8.campaigns.ChunkState;
import io.connect8x8.campaigns.ChunkStatus;
import io.connect8x8.campaigns.Claim;
import io.connect8x8.campaigns.MessageRecords;
import io.connect8x8.campaigns.ProgressListener;
import io.connect8x8.campaigns.RejectedMessage;
import io.connect8x8.campaigns.RecordsAnswer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One run of a campaign. The calling thread reads the input and cuts it into chunks; a bounded queue hands them to a
 * fixed number of workers, so memory holds at most about twice the concurrency in chunks, however long the input.
 * Each worker claims its chunk in the journal, waits for the pacer, records the intent durably (only now, when the
 * request is about to be written: a run killed while waiting for its token leaves the chunk not sent), sends through
 * the client's one batch call, and records the outcome.
 *
 * @param <M> the message type
 */
public final class Engine<M> {

    /** Marks the end of the input for the workers. */
    private static final Object END = new Object();
    /** The fields of the checks against the clock, which the send runs, not the cut. */
    private static final Set<String> CLOCK_FIELDS = Set.of("scheduled", "expiry");

    private final MessageKind<M> kind;
    private final EngineSettings settings;
    private final Tally tally = new Tally();
    private final RequestOptions callOptions;
    /** Chunks another worker held when this run reached them: settled from the journal once the workers are done. */
    private final Queue<ChunkIntent> elsewhere = new ConcurrentLinkedQueue<>();

    /**
     * Makes the engine of one campaign; nothing is sent before {@link #run(Iterator, Function)}.
     *
     * @param kind the API's messages
     * @param settings the campaign's settings
     */
    public Engine(MessageKind<M> kind, EngineSettings settings) {
        this.kind = kind;
        this.settings = settings;
        this.callOptions = callOptions(settings.options());
    }

    /**
     * Runs the campaign over the input.
     *
     * @param input the rows, read once, in order
     * @param mapper makes each row's message; a row it throws for is refused alone
     * @param <T> the row type
     * @return the run's report
     * @throws InterruptedException when the calling thread is interrupted; workers stop, the journal stays consistent
     */
    public <T> CampaignReport run(Iterator<? extends T> input, Function<? super T, ? extends M> mapper)
            throws InterruptedException {
        int workers = settings.concurrency();
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(workers);
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "campaign-" + settings.campaignId() + "-"
                    + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "campaign-" + settings.campaignId() + "-progress");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.progressInterval().toMillis();
        ticker.scheduleAtFixedRate(() -> tick(false), interval, interval, TimeUnit.MILLISECONDS);
        List<Future<?>> running = new ArrayList<>();
        try {
            for (int i = 0; i < workers; i++) {
                running.add(pool.submit(() -> work(queue)));
            }
            RuntimeException failure = null;
            try {
                produce(input, mapper, queue, running);
            } catch (RuntimeException e) {
                // The input (or a worker) failed: chunks not yet claimed are dropped, those in flight finish, so
                // that no request is cut off half way and left ambiguous.
                failure = e;
                queue.clear();
            }
            for (int i = 0; i < workers; i++) {
                // After a failure the queue was emptied, so there is room for every END at once.
                while (!queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
                    if (running.stream().allMatch(Future::isDone)) {
                        break;
                    }
                }
            }
            for (Future<?> worker : running) {
                try {
                    join(worker);
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    } else if (failure != e) {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdownNow();
            ticker.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        Instant heldUntil = settleElsewhere();
        tick(true);
        return new CampaignReport(settings.campaignId(), tally.read.sum(), tally.accepted.sum(), tally.rejected.sum(),
                tally.failed.sum(), tally.ambiguous.sum(), tally.skipped.sum(), tally.elsewhere.sum(),
                tally.held.sum(), heldUntil, tally.requests.sum(), tally.elapsed(), tally.chunks(),
                tally.invalidMessages());
    }

    private <T> void produce(Iterator<? extends T> input, Function<? super T, ? extends M> mapper,
                             BlockingQueue<Object> queue, List<Future<?>> running) throws InterruptedException {
        Cutter<T> cutter = new Cutter<>(input, mapper);
        for (Chunk<M> chunk = cutter.next(); chunk != null; chunk = cutter.next()) {
            offer(queue, chunk, running);
        }
    }

    /**
     * The first request the campaign would make over this input, built by the same code as a run (the same cut, ids,
     * refusals and batch form), without a journal and without sending.
     *
     * @param input the rows, read up to the end of the first chunk
     * @param mapper makes each row's message
     * @param <T> the row type
     * @return the first chunk's request, or empty when no row makes a message; and the rows refused before it
     */
    public <T> CampaignPreview preview(Iterator<? extends T> input, Function<? super T, ? extends M> mapper) {
        Chunk<M> first = new Cutter<>(input, mapper).next();
        if (first == null) {
            return new CampaignPreview(null, 0, null, tally.invalidMessages());
        }
        String batchId = batchId(first);
        // The clock's check of a send, now: the request leaves out what a send now would refuse.
        List<M> sendable = sendable(first.messages, first.positions);
        return new CampaignPreview(batchId, sendable.size(), sendable.isEmpty() ? null
                : kind.preview(sendable, batchId), tally.invalidMessages());
    }

    /**
     * Reads the input once and cuts it into chunks: a chunk closes at the API's count limit or before a message would
     * take its estimated body past the byte budget, so the same input always gives the same chunks, whenever it runs.
     * Rows refused by a check that does not depend on the clock are counted and left out; the checks of a message's
     * schedule and expiry against the clock run when its chunk is sent ({@link #sendable}), because a cut that
     * depended on the time would give a resume after a schedule has passed other chunks than the journaled ones.
     */
    private final class Cutter<T> {
        private final Iterator<? extends T> input;
        private final Function<? super T, ? extends M> mapper;
        private long sequence;
        private long index;
        private M carried;
        private long carriedPosition;
        private int carriedSize;

        Cutter(Iterator<? extends T> input, Function<? super T, ? extends M> mapper) {
            this.input = input;
            this.mapper = mapper;
        }

        Chunk<M> next() {
            List<M> chunk = new ArrayList<>();
            List<Long> positions = new ArrayList<>();
            long bytes = 0;
            if (carried != null) {
                chunk.add(carried);
                positions.add(carriedPosition);
                bytes = carriedSize;
                carried = null;
            }
            while (input.hasNext()) {
                long position = index++;
                M message = read(input.next(), position);
                if (message == null) {
                    continue;
                }
                int size = kind.estimatedBytes(message);
                if (!chunk.isEmpty() && (chunk.size() >= kind.maxMessages()
                        || bytes + size > settings.maxBatchBytes())) {
                    carried = message;
                    carriedPosition = position;
                    carriedSize = size;
                    return new Chunk<>(sequence++, chunk, positions(positions));
                }
                chunk.add(message);
                positions.add(position);
                bytes += size;
            }
            return chunk.isEmpty() ? null : new Chunk<>(sequence++, chunk, positions(positions));
        }

        /** The row's message with its id fixed, or null when the mapping or the validation step refused it. */
        private M read(T row, long position) {
            tally.read.increment();
            M message;
            try {
                // The caller's mapping may refuse a row (a malformed number in Sms.build()): that row alone.
                message = Objects.requireNonNull(mapper.apply(row), "the mapping returned null");
                if (kind.clientMessageId(message) == null) {
                    message = kind.withClientMessageId(message, settings.campaignId() + "-" + position);
                }
            } catch (RuntimeException e) {
                refuse(position, e instanceof ValidationException ? e.getMessage()
                        : e.getClass().getSimpleName() + ": " + e.getMessage());
                return null;
            }
            boolean timed = kind.timed(message);
            for (ValidationException violation : kind.validate(message, settings.options())) {
                // A time the clock refuses now may be fine for an earlier run and not for a later one: the send
                // checks it (see sendable), so that whether it joins its chunk never depends on when the cut runs.
                if (!timed || !CLOCK_FIELDS.contains(violation.field())) {
                    refuse(position, violation.getMessage());
                    return null;
                }
            }
            return message;
        }
    }

    private void refuse(long position, String reason) {
        tally.rejected.increment();
        tally.invalid(position, "#" + position + " " + reason);
    }

    private static long[] positions(List<Long> positions) {
        long[] array = new long[positions.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = positions.get(i);
        }
        return array;
    }

    /**
     * The messages a send now may carry: each one with a schedule or an expiry is checked against the clock (the
     * client's one validation step, as the batch call would run it), and one the clock refuses (a schedule now in the
     * past, or more than 7 days ahead) is refused alone, counted rejected and listed with its position, as the cut
     * refused it before this check moved here. The others are returned in order.
     */
    private List<M> sendable(List<M> messages, long[] positions) {
        List<M> sendable = null;
        for (int i = 0; i < messages.size(); i++) {
            M message = messages.get(i);
            List<ValidationException> violations = kind.timed(message)
                    ? kind.validate(message, settings.options()) : List.of();
            if (violations.isEmpty()) {
                if (sendable != null) {
                    sendable.add(message);
                }
                continue;
            }
            if (sendable == null) {
                sendable = new ArrayList<>(messages.subList(0, i));
            }
            refuse(positions[i], violations.get(0).getMessage());
        }
        return sendable == null ? messages : sendable;
    }

    /**
     * How a chunk that was not sent is journaled: NOT_SENT (a re-run sends it whole) unless an earlier run's
     * messages of it were found in 8x8's records, then AMBIGUOUS (a re-run reconciles it again), so that those are
     * never sent twice.
     */
    private static ChunkState notSent(int found) {
        return found > 0 ? ChunkState.AMBIGUOUS : ChunkState.NOT_SENT;
    }

    /** Waits for room in the queue, and stops early when a worker died (its exception is the run's). */
    private static void offer(BlockingQueue<Object> queue, Object chunk, List<Future<?>> running)
            throws InterruptedException {
        while (!queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
            for (Future<?> worker : running) {
                if (worker.isDone()) {
                    join(worker);
                }
            }
        }
    }

    private static void join(Future<?> worker) throws InterruptedException {
        try {
            worker.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private Void work(BlockingQueue<Object> queue) throws InterruptedException {
        while (true) {
            Object next = queue.take();
            if (next == END) {
                return null;
            }
            @SuppressWarnings("unchecked")
            Chunk<M> chunk = (Chunk<M>) next;
            ChunkReport report = process(chunk);
            if (report != null) {
                tally.add(report);
            }
        }
    }

    private String batchId(Chunk<M> chunk) {
        String batchId = settings.campaignId() + "-" + chunk.sequence;
        if (batchId.length() > kind.maxClientBatchId()) {
            throw new ValidationException("campaignId", "with chunk " + chunk.sequence + " makes a clientBatchId over "
                    + kind.maxClientBatchId() + " characters");
        }
        return batchId;
    }

    private ChunkReport process(Chunk<M> chunk) throws InterruptedException {
        String batchId = batchId(chunk);
        int size = chunk.messages.size();
        ChunkIntent intent = new ChunkIntent(settings.campaignId(), chunk.sequence, batchId, size,
                fingerprint(chunk.messages));
        CampaignJournal journal = settings.journal();
        Claim claim = journal.claim(intent, settings.resendAmbiguous());
        ChunkRecord earlier = claim.record();
        switch (claim.verdict()) {
            case DONE -> {
                tally.skipped.add(size);
                return new ChunkReport(intent.sequence(), batchId, size, ChunkOutcome.SKIPPED, earlier.accepted(),
                        earlier.rejected(), earlier.detail(), earlier.rejections());
            }
            case AMBIGUOUS -> {
                String detail = earlier.detail() == null ? "sent by an earlier run, answer never recorded"
                        : earlier.detail();
                if (settings.reconcile() && !settings.records().isEmpty()) {
                    return reconcile(chunk, intent, detail);
                }
                tally.ambiguous.add(size);
                return report(intent, ChunkOutcome.AMBIGUOUS, 0, 0, detail);
            }
            case ELSEWHERE -> {
                return defer(intent);
            }
            default -> {
                return send(chunk.messages, chunk.positions, intent, 0, null);
            }
        }
    }

    /** Leaves a chunk another worker holds to {@link #settleElsewhere()}; the progress counts it meanwhile. */
    private ChunkReport defer(ChunkIntent intent) {
        tally.deferred.add(intent.messages());
        elsewhere.add(intent);
        return null;
    }

    /**
     * Once this run's workers are done, asks the journal about each chunk another worker held when this run reached
     * it: finished meanwhile (accepted or rejected) it counts as done elsewhere; still held by a live claim it is
     * reported held, not finished, with the claim's end, so that a report never calls a campaign done while a dead
     * worker's lease keeps chunks unsent; released unsent or left ambiguous it counts as failed or ambiguous, as this
     * run would have counted it.
     *
     * @return the latest lease end of the chunks still held, or null when none is (or the journal keeps no lease)
     */
    private Instant settleElsewhere() {
        Instant heldUntil = null;
        for (ChunkIntent intent : elsewhere) {
            int size = intent.messages();
            tally.deferred.add(-size);
            ChunkStatus status = settings.journal().status(intent).orElse(null);
            if (status == null || status.held()) {
                Instant until = status == null ? null : status.heldUntil();
                if (until != null && (heldUntil == null || until.isAfter(heldUntil))) {
                    heldUntil = until;
                }
                String holder = status == null || status.record().detail() == null ? "another worker"
                        : status.record().detail();
                tally.held.add(size);
                tally.add(report(intent, ChunkOutcome.HELD, 0, 0, "held by " + holder
                        + (until == null ? "" : " until " + until) + ", not finished: not sent by this run"));
                continue;
            }
            ChunkRecord record = status.record();
            switch (record.state()) {
                case ACCEPTED, REJECTED -> {
                    tally.elsewhere.add(size);
                    tally.add(new ChunkReport(intent.sequence(), intent.clientBatchId(), size,
                            ChunkOutcome.ELSEWHERE, record.accepted(), record.rejected(), "finished by another "
                            + "worker: " + record.state() + (record.detail() == null ? "" : " (" + record.detail()
                            + ")"), record.rejections()));
                }
                case SENDING, AMBIGUOUS -> {
                    tally.ambiguous.add(size);
                    tally.add(report(intent, ChunkOutcome.AMBIGUOUS, 0, 0, record.detail() == null
                            ? "sent by another worker, answer never recorded" : record.detail()));
                }
                default -> {
                    // NOT_SENT, or a claim never written whose lease ran out: provably not sent.
                    tally.failed.add(size);
                    tally.add(report(intent, ChunkOutcome.FAILED, 0, 0, "not sent: another worker held it and "
                            + "released it" + (record.detail() == null ? "" : " (" + record.detail() + ")")
                            + "; a re-run sends it"));
                }
            }
        }
        return heldUntil;
    }

    /**
     * Settles an ambiguous chunk from 8x8's records: each message found there was received and is never sent again;
     * each one absent from records that cover the chunk's window never reached 8x8 and is sent now, under its
     * original clientMessageId. While any message is neither found nor provably absent, the chunk stays ambiguous.
     */
    private ChunkReport reconcile(Chunk<M> chunk, ChunkIntent intent, String earlierDetail)
            throws InterruptedException {
        int size = chunk.messages.size();
        List<String> ids = new ArrayList<>(size);
        for (M message : chunk.messages) {
            ids.add(kind.clientMessageId(message));
        }
        CampaignJournal journal = settings.journal();
        Instant sentAt = journal.sentAt(intent).orElse(null);
        // From the chunk's first send to its last: an earlier reconciliation's resend leaves messages of both.
        Instant firstSentAt = sentAt == null ? null
                : journal.firstSentAt(intent).filter(sentAt::isAfter).orElse(sentAt);
        Duration margin = settings.recordsMargin();
        AmbiguousChunk question = new AmbiguousChunk(intent.campaignId(), intent.sequence(), intent.clientBatchId(),
                ids, sentAt == null ? null : firstSentAt.minus(margin), sentAt == null ? null : sentAt.plus(margin));
        Set<String> found = new HashSet<>();
        boolean covered = false;
        List<String> unread = new ArrayList<>();
        for (MessageRecords source : settings.records()) {
            RecordsAnswer answer;
            try {
                answer = source.lookup(question);
            } catch (RuntimeException e) {
                unread.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                continue;
            }
            for (String id : answer.found()) {
                if (ids.contains(id)) {
                    found.add(id);
                }
            }
            covered |= answer.coversWindow();
            if (found.size() == size) {
                break;
            }
        }
        if (!covered && found.size() < size) {
            tally.ambiguous.add(size);
            return report(intent, ChunkOutcome.AMBIGUOUS, 0, 0, "reconciliation: " + found.size() + " of " + size
                    + " found in 8x8's records, " + (size - found.size()) + " unknown (no source covers the window"
                    + (sentAt == null ? ", whose time the journal did not record" : " from " + question.from()
                    + " to " + question.to()) + (unread.isEmpty() ? "" : "; unread: " + String.join("; ", unread))
                    + "); first: " + earlierDetail);
        }
        Claim again = journal.claim(intent, true);
        if (again.verdict() != Claim.Verdict.SEND) {
            // Another worker claimed it to reconcile it: whether it finished is read at the end of the run.
            return defer(intent);
        }
        List<M> absent = new ArrayList<>();
        List<Long> absentPositions = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            M message = chunk.messages.get(i);
            if (!found.contains(kind.clientMessageId(message))) {
                absent.add(message);
                absentPositions.add(chunk.positions[i]);
            }
        }
        String detail = "reconciled: " + found.size() + " found in 8x8's records, " + absent.size()
                + " absent and sent again";
        if (absent.isEmpty()) {
            journal.complete(intent, new ChunkRecord(ChunkState.ACCEPTED, size, 0, detail));
            tally.accepted.add(size);
            return report(intent, ChunkOutcome.ACCEPTED, size, 0, detail);
        }
        return send(absent, positions(absentPositions), intent, found.size(), detail);
    }

    /**
     * Sends a claimed chunk's messages (all of them, or those a reconciliation found absent) in one call, and records
     * the outcome; {@code found} messages of the chunk were already accepted by an earlier run.
     */
    private ChunkReport send(List<M> claimed, long[] positions, ChunkIntent intent, int found, String reconciled)
            throws InterruptedException {
        int size = claimed.size();
        CampaignJournal journal = settings.journal();
        try {
            settings.pacer().acquire();
        } catch (InterruptedException e) {
            journal.complete(intent, new ChunkRecord(notSent(found), 0, 0,
                    (reconciled == null ? "" : reconciled + ", then ") + "interrupted before it was sent"));
            throw e;
        }
        if (!journal.sending(intent)) {
            // Taken over by another worker while this one waited for its token.
            return defer(intent);
        }
        // The clock's checks, as late as can be: a schedule that passed while the chunk waited is refused alone.
        List<M> messages = sendable(claimed, positions);
        int refused = size - messages.size();
        if (messages.isEmpty()) {
            String detail = (reconciled == null ? "" : reconciled + ", then ") + "all " + refused
                    + " refused by the clock's checks (listed as invalid)";
            ChunkState state = found > 0 ? ChunkState.ACCEPTED : ChunkState.REJECTED;
            journal.complete(intent, new ChunkRecord(state, found, refused, detail));
            tally.accepted.add(found);
            return report(intent, found > 0 ? ChunkOutcome.ACCEPTED : ChunkOutcome.REJECTED, found, refused, detail);
        }
        try {
            // One call: the transport retries what provably was not processed (429 after its Retry-After, 503,
            // a connection that failed before the request was written) under the campaign's retry policy.
            MessageKind.BatchAnswer answer = kind.send(messages, intent.clientBatchId(), callOptions);
            String detail = reconciled == null ? answer.batchId() : reconciled + " (" + answer.batchId() + ")";
            int accepted = found + answer.accepted();
            int rejected = refused + answer.rejected();
            List<RejectedMessage> rejections = rejections(answer, messages,
                    sentPositions(claimed, positions, messages));
            journal.complete(intent, new ChunkRecord(ChunkState.ACCEPTED, accepted, rejected, detail, rejections));
            tally.accepted.add(accepted);
            tally.rejected.add(answer.rejected());
            return new ChunkReport(intent.sequence(), intent.clientBatchId(), intent.messages(), ChunkOutcome.ACCEPTED,
                    accepted, rejected, detail, rejections);
        } catch (Connect8x8Exception e) {
            String detail = (reconciled == null ? "" : reconciled + ", then ") + e.getClass().getSimpleName() + ": "
                    + e.getMessage();
            // The messages found in 8x8's records count as accepted, as on success; an outcome that leaves the others
            // unsent or unknown leaves the chunk ambiguous (see notSent), so a re-run reconciles it again.
            switch (e.sendState()) {
                case REJECTED -> {
                    journal.complete(intent, new ChunkRecord(ChunkState.REJECTED, found, size, detail));
                    tally.accepted.add(found);
                    tally.rejected.add(messages.size());
                    return report(intent, ChunkOutcome.REJECTED, found, size, detail);
                }
                case MAY_HAVE_BEEN_SENT -> {
                    journal.complete(intent, new ChunkRecord(ChunkState.AMBIGUOUS, 0, 0, detail));
                    tally.ambiguous.add(found + messages.size());
                    return report(intent, ChunkOutcome.AMBIGUOUS, 0, 0, detail);
                }
                default -> {
                    if (notSent(found) == ChunkState.NOT_SENT) {
                        journal.complete(intent, new ChunkRecord(ChunkState.NOT_SENT, 0, 0, detail));
                        tally.failed.add(messages.size());
                        return report(intent, ChunkOutcome.FAILED, 0, 0, detail);
                    }
                    String kept = detail + "; the absent messages were not sent, a re-run reconciles the chunk again";
                    journal.complete(intent, new ChunkRecord(ChunkState.AMBIGUOUS, 0, 0, kept));
                    tally.ambiguous.add(found + messages.size());
                    return report(intent, ChunkOutcome.AMBIGUOUS, 0, 0, kept);
                }
            }
        }
    }

    /** The input positions of the messages sent, a subsequence of the claimed ones (the clock refuses some). */
    private static long[] sentPositions(List<?> claimed, long[] positions, List<?> sent) {
        long[] sentPositions = new long[sent.size()];
        int next = 0;
        for (int i = 0; i < claimed.size() && next < sent.size(); i++) {
            if (claimed.get(i) == sent.get(next)) {
                sentPositions[next++] = positions[i];
            }
        }
        return sentPositions;
    }

    /**
     * Names each message the answer says rejected by its input position: found by the clientMessageId it echoed
     * (every message of a chunk carries one, unique unless the caller gave two the same), else by its place in the
     * answer, which lists the messages in the request's order; one matched neither way is left out, its count kept.
     */
    private List<RejectedMessage> rejections(MessageKind.BatchAnswer answer, List<M> sent, long[] sentPositions) {
        if (answer.rejections().isEmpty()) {
            return List.of();
        }
        Map<String, Integer> byId = new HashMap<>();
        for (int i = 0; i < sent.size(); i++) {
            // A duplicate id cannot say which message it was: -1, so the answer's order decides.
            byId.merge(kind.clientMessageId(sent.get(i)), i, (a, b) -> -1);
        }
        List<RejectedMessage> rejections = new ArrayList<>();
        for (MessageKind.RejectedItem item : answer.rejections()) {
            Integer index = item.clientMessageId() == null ? null : byId.get(item.clientMessageId());
            if (index == null || index < 0) {
                index = item.index() < sent.size() ? item.index() : null;
            }
            if (index == null) {
                continue;
            }
            M message = sent.get(index);
            String number = kind.recipient(message);
            String masked = Masking.maskPhone(number);
            rejections.add(new RejectedMessage(sentPositions[index], kind.clientMessageId(message),
                    item.recipient() != null ? item.recipient() : masked, item.errorCode(),
                    masked(item.reason(), number, masked)));
        }
        return rejections;
    }

    /**
     * The reason with the recipient's number masked: a description may quote it ({@code Invalid MSISDN +6591234567}),
     * and the report, the journal and the CLI's output hold no whole number.
     */
    private static String masked(String reason, String number, String masked) {
        if (reason == null || number == null || masked == null) {
            return reason;
        }
        String digits = number.startsWith("+") ? number.substring(1) : number;
        return reason.replace(number, masked).replace(digits, masked);
    }

    /**
     * The options of every batch call: the campaign's, and a listener of each call that counts its requests and,
     * when the transport is about to retry, takes the retry's token and, after a 429, holds every other worker back
     * for the Retry-After (the transport holds back only the worker that got it).
     */
    private RequestOptions callOptions(RequestOptions options) {
        CallListener.CallEvents events = new CallListener.CallEvents() {
            @Override
            public void attemptFinished(CallListener.Attempt attempt) {
                tally.requests.increment();
            }

            @Override
            public void retryScheduled(CallListener.Retry retry) {
                if (retry.reason() == CallListener.RetryReason.RATE_LIMITED) {
                    settings.pacer().pause(retry.delay());
                }
                settings.pacer().token();
            }
        };
        RequestOptions.Builder builder = RequestOptions.builder().listener(call -> events);
        options.timeout().ifPresent(builder::timeout);
        options.retryPolicy().ifPresent(builder::retryPolicy);
        options.subAccountId().ifPresent(builder::subAccountId);
        return builder.build();
    }

    private static ChunkReport report(ChunkIntent intent, ChunkOutcome outcome, int accepted, int rejected,
                                      String detail) {
        return new ChunkReport(intent.sequence(), intent.clientBatchId(), intent.messages(), outcome, accepted,
                rejected, detail);
    }

    private String fingerprint(List<M> messages) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (M message : messages) {
                digest.update(kind.identity(message).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private void tick(boolean finished) {
        ProgressListener listener = settings.listener();
        try {
            listener.onProgress(tally.snapshot(settings.campaignId(), settings.expectedMessages(), finished));
        } catch (RuntimeException ignored) {
            // A listener's failure must not stop the campaign.
        }
    }

    /** A run of consecutive messages sent as one batch request, with each message's position in the input. */
    private record Chunk<M>(long sequence, List<M> messages, long[] positions) {
    }

    /**
     * The engine's settings, fixed by the public builder.
     *
     * @param campaignId the campaign id
     * @param journal the journal
     * @param pacer the pacer
     * @param concurrency the workers
     * @param maxBatchBytes the byte budget of one request
     * @param resendAmbiguous whether ambiguous chunks are sent again
     * @param options the options of every batch call, with the campaign's retry policy
     * @param listener the progress listener
     * @param progressInterval how often the listener is called
     * @param expectedMessages the expected total, -1 when unknown
     * @param records the sources that settle ambiguous chunks, in order
     * @param reconcile whether ambiguous chunks are settled from the records
     * @param recordsMargin how far on either side of a chunk's intent the records are searched
     */
    public record EngineSettings(String campaignId, CampaignJournal journal, Pacer pacer, int concurrency,
                                 long maxBatchBytes, boolean resendAmbiguous, RequestOptions options, ProgressListener listener,
                                 Duration progressInterval, long expectedMessages, List<MessageRecords> records,
                                 boolean reconcile, Duration recordsMargin) {

        /**
         * Returns a copy of these settings with another journal: each send of a campaign opens its own default file
         * journal, while the settings stay those the campaign was built with.
         *
         * @param other the journal of one run
         * @return these settings with that journal
         */
        public EngineSettings withJournal(CampaignJournal other) {
            return new EngineSettings(campaignId, other, pacer, concurrency, maxBatchBytes, resendAmbiguous, options,
                    listener, progressInterval, expectedMessages, records, reconcile, recordsMargin);
        }
    }
}
