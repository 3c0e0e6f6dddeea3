package io.connect8x8.sandbox.internal;

import io.connect8x8.sandbox.SandboxMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most recent messages a simulator saw, in arrival order, plus counters over every message: memory stays bounded
 * however long it runs (a window of records, and 16 bytes per accepted clientMessageId).
 */
public final class MessageStore {

    private final int window;
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
    /** The newest creation time among messages that left the window: a log export reaching back to it is incomplete. */
    private java.time.Instant newestForgotten;

    /**
     * Makes a store that keeps the latest messages whole and only counts older ones, so a long test run does not grow
     * the simulator's memory without bound.
     *
     * @param window how many of the latest messages are kept whole; older ones only count
     */
    public MessageStore(int window) {
        this.window = window;
    }

    synchronized void add(MessageRecord message) {
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
            forgot(message);
            return;
        }
        if (messages.size() >= window) {
            forgot(messages.removeFirst());
        }
        messages.addLast(message);
    }

    private void forgot(MessageRecord message) {
        if (newestForgotten == null || message.createdAt.isAfter(newestForgotten)) {
            newestForgotten = message.createdAt;
        }
    }

    /**
     * The newest creation time among the messages no longer kept whole, or null when none left the window: a record of
     * a window reaching back to it (a log export) would miss messages, and must not claim to be complete.
     *
     * @return the time, or null
     */
    synchronized java.time.Instant newestForgotten() {
        return newestForgotten;
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
            newestForgotten = null;
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
