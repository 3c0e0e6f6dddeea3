package io.connect8x8.sandbox.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * What waits for the simulator's clock: messages sent with a {@code scheduled} time still ahead, held with their
 * receipts until the clock reaches it, and a channel fallback's next leg, which starts {@code fallbackAfter} seconds
 * after the first channel's. Released in time order by a tick of the receipt thread, by a
 * {@link io.connect8x8.sandbox.SandboxClock} moving, and before every request other than a send (so a status read
 * right after the time sees the delivery).
 */
final class ScheduledQueue {

    private final Clock clock;
    private final PriorityQueue<Held> held = new PriorityQueue<>();
    private long sequence;

    ScheduledQueue(Clock clock) {
        this.clock = clock;
    }

    /** Holds a scheduled message until {@code due}; {@code release} then sends it on. It can be cancelled. */
    synchronized void hold(MessageRecord record, Instant due, Runnable release) {
        record.setState("scheduled");
        held.add(new Held(due, sequence++, record, release));
    }

    /**
     * Runs {@code task} once the clock reaches {@code due}: a step of a message already sent (a fallback leg), so
     * the message's state is left alone and cancelling a scheduled message never finds it.
     */
    synchronized void later(Instant due, Runnable task) {
        held.add(new Held(due, sequence++, null, task));
    }

    /**
     * Releases everything whose time has come, in time order, outside the lock; again while a release left
     * something due (a scheduled message whose fallback leg falls before the clock's time).
     */
    void releaseDue() {
        List<Held> due = new ArrayList<>();
        while (true) {
            synchronized (this) {
                if (held.isEmpty()) {
                    return;
                }
                Instant now = clock.instant();
                while (!held.isEmpty() && !held.peek().due.isAfter(now)) {
                    due.add(held.poll());
                }
            }
            if (due.isEmpty()) {
                return;
            }
            due.forEach(entry -> {
                if (entry.record != null) {
                    entry.record.setState("queued");
                }
                entry.release.run();
            });
            due.clear();
        }
    }

    /**
     * Cancels a message still held for its {@code scheduled} time.
     *
     * @return whether it was held (and is now cancelled)
     */
    synchronized boolean cancel(MessageRecord record) {
        for (Iterator<Held> it = held.iterator(); it.hasNext(); ) {
            if (it.next().record == record) {
                it.remove();
                record.cancel(clock.instant());
                return true;
            }
        }
        return false;
    }

    /** Forgets everything held: scheduled messages and pending fallback legs. */
    synchronized void clear() {
        held.clear();
    }

    /** How many scheduled messages and fallback legs are waiting. */
    synchronized int size() {
        return held.size();
    }

    /** A held message ({@code record} set) or a pending step ({@code record} null). */
    private record Held(Instant due, long sequence, MessageRecord record, Runnable release)
            implements Comparable<Held> {
        @Override
        public int compareTo(Held other) {
            int byTime = due.compareTo(other.due);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
