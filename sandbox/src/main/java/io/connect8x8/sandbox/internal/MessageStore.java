package io.connect8x8.sandbox.internal;

import io.connect8x8.sandbox.SandboxMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most recent messages a simulator saw, in arrival order, plus counters over every message: memory stays bounded
 * however long it runs (a window of whole records; 16 bytes per accepted clientMessageId; and a {@link MessageLog} of
 * the facts a log export needs, about 60 bytes per message, for the latest {@value #LOG_WINDOW} messages or the
 * record window if larger).
 */
public final class MessageStore {

    /** How many messages the {@link MessageLog} keeps at least: about 300 MB at 60 bytes each. */
    public static final int LOG_WINDOW = 5_000_000;

    private final int window;
    private final MessageLog log;
    private final ArrayDeque<MessageRecord> messages = new ArrayDeque<>();
    private final IdSet acceptedIds = new IdSet();
    private long acceptedMessages;
    private long rejectedMessages;
    private long duplicateClientMessageIds;
    private final AtomicLong requests = new AtomicLong();
    /** Bumped by {@link #clear()}, so receipts scheduled before a reset are dropped rather than counted after it. */
    private final AtomicLong generation = new AtomicLong();
    private final Object receiptsLock = new Object();
    private long receiptsDelivered;
    private long receiptsSettled;

    /**
     * Makes a store that keeps the latest messages whole and only counts older ones, so a long test run does not grow
     * the simulator's memory without bound.
     *
     * @param window how many of the latest messages are kept whole; older ones only count
     */
    public MessageStore(int window) {
        this(window, Math.max(window, LOG_WINDOW));
    }

    /** A store whose log keeps at least {@code logWindow} messages (tests of what the log forgets). */
    MessageStore(int window, long logWindow) {
        this.window = window;
        this.log = new MessageLog(logWindow);
    }

    /**
     * Returns the log of every message's export facts.
     *
     * @return the log of every message's export facts
     */
    MessageLog log() {
        return log;
    }

    /**
     * Counts and records a message: in the log with every fact it keeps (an SMS's parts included), and in the window
     * of whole records, whose oldest it may push out.
     */
    synchronized void add(MessageRecord message) {
        message.logged(log, log.append(message));
        if (message.errorCode == null) {
            acceptedMessages++;
            if (message.clientMessageId != null
                    && !acceptedIds.add(message.api.name() + ' ' + message.subAccountId, message.clientMessageId)) {
                duplicateClientMessageIds++;
            }
        } else {
            rejectedMessages++;
        }
        if (window == 0) {
            return;
        }
        if (messages.size() >= window) {
            messages.removeFirst();
        }
        messages.addLast(message);
    }

    /**
     * The whole records still in the window among positions {@code [from, to)} of the log, by position.
     *
     * @param from the first position
     * @param to past the last position
     * @return the records, by their log position
     */
    synchronized java.util.Map<Long, MessageRecord> whole(long from, long to) {
        java.util.Map<Long, MessageRecord> found = new java.util.HashMap<>();
        if (messages.isEmpty() || messages.peekLast().seq < from || messages.peekFirst().seq >= to) {
            return found;
        }
        for (MessageRecord message : messages) {
            if (message.seq >= from && message.seq < to) {
                found.put(message.seq, message);
            }
        }
        return found;
    }

    /**
     * The newest creation time among the messages the log no longer keeps, or null when none left it: a record of
     * a window reaching back to it (a log export) would miss messages, and must not claim to be complete.
     *
     * @return the time, or null
     */
    java.time.Instant newestForgotten() {
        return log.newestForgotten();
    }

    /**
     * Returns messages accepted since start or the last reset, including those that left the window.
     *
     * @return messages accepted since start or the last reset, including those that left the window
     */
    public synchronized long acceptedMessages() {
        return acceptedMessages;
    }

    /**
     * Returns messages rejected since start or the last reset.
     *
     * @return messages rejected since start or the last reset
     */
    public synchronized long rejectedMessages() {
        return rejectedMessages;
    }

    /**
     * Counts the messages that reused an id already accepted: what a test of retries checks, since a second acceptance
     * of one id means a message went twice.
     *
     * @return accepted messages whose clientMessageId (per API and sub-account) had been accepted before: each
     *     second, third... acceptance counts once
     */
    public synchronized long duplicateClientMessageIds() {
        return duplicateClientMessageIds;
    }

    /**
     * Returns snapshots of the messages in the window, oldest first.
     *
     * @return snapshots of the messages in the window, oldest first
     */
    public List<SandboxMessage> snapshot() {
        List<MessageRecord> copy;
        synchronized (this) {
            copy = new ArrayList<>(messages);
        }
        List<SandboxMessage> snapshots = new ArrayList<>(copy.size());
        copy.forEach(message -> snapshots.add(message.snapshot()));
        return List.copyOf(snapshots);
    }

    /**
     * The records in the window that match, oldest first.
     *
     * @param filter the condition
     * @return the matching records
     */
    synchronized List<MessageRecord> find(java.util.function.Predicate<MessageRecord> filter) {
        List<MessageRecord> found = new ArrayList<>();
        for (MessageRecord message : messages) {
            if (filter.test(message)) {
                found.add(message);
            }
        }
        return found;
    }

    long generation() {
        return generation.get();
    }

    /**
     * Waits until {@link #clear()} runs or {@code millis} pass, whichever comes first: the simulator's added latency
     * ends early at a reset, so a slow request of one test cannot land in the next test's record.
     *
     * @param since the generation the waiting request started in
     * @param millis the longest wait
     * @return true when a reset happened since {@code since}
     * @throws InterruptedException when the waiting thread is interrupted (the simulator is closing)
     */
    synchronized boolean awaitClear(long since, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMillis(millis).toNanos();
        while (generation.get() == since) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, Duration.ofNanos(left).toMillis()));
        }
        return true;
    }

    /** Counts one API request (whatever its outcome). */
    void countRequest() {
        requests.incrementAndGet();
    }

    /**
     * Returns the API requests received since start or the last reset.
     *
     * @return the API requests received since start or the last reset
     */
    public long requestCount() {
        return requests.get();
    }

    /** Counts a receipt that is finished with: delivered, or given up after the last retry. */
    void receiptSettled(boolean delivered) {
        synchronized (receiptsLock) {
            receiptsSettled++;
            if (delivered) {
                receiptsDelivered++;
            }
            receiptsLock.notifyAll();
        }
    }

    /**
     * Returns receipts delivered (answered 2xx) since start or the last reset.
     *
     * @return receipts delivered (answered 2xx) since start or the last reset
     */
    public long receiptsDelivered() {
        synchronized (receiptsLock) {
            return receiptsDelivered;
        }
    }

    /**
     * Blocks until at least {@code count} receipts were delivered or the timeout passes.
     *
     * @param count the number of receipts
     * @param timeout the longest wait
     * @return whether the count was reached
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean awaitReceipts(long count, Duration timeout) throws InterruptedException {
        return await(count, timeout, true);
    }

    /**
     * Blocks until at least {@code count} receipts were delivered or given up, or the timeout passes.
     *
     * @param count the number of receipts
     * @param timeout the longest wait
     * @return whether the count was reached
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean awaitReceiptsSettled(long count, Duration timeout) throws InterruptedException {
        return await(count, timeout, false);
    }

    private boolean await(long count, Duration timeout, boolean delivered) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (receiptsLock) {
            while ((delivered ? receiptsDelivered : receiptsSettled) < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                Duration wait = Duration.ofNanos(left);
                receiptsLock.wait(Math.max(1, wait.toMillis()));
            }
            return true;
        }
    }

    /**
     * Forgets every message and zeroes the counters. Receipts still in flight may count afterwards; requests waiting
     * out an added latency are woken and answered without being recorded.
     */
    public void clear() {
        synchronized (this) {
            messages.clear();
            acceptedIds.clear();
            acceptedMessages = 0;
            rejectedMessages = 0;
            duplicateClientMessageIds = 0;
            log.clear();
            generation.incrementAndGet();
            notifyAll();
        }
        requests.set(0);
        synchronized (receiptsLock) {
            receiptsDelivered = 0;
            receiptsSettled = 0;
        }
    }
}
