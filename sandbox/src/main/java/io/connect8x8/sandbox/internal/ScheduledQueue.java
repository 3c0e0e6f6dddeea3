package io.connect8x8.sandbox.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Messages sent with a {@code scheduled} time still ahead: held, with their receipts, until the simulator's clock
 * reaches it. Released by a tick of the receipt thread, by a {@link io.connect8x8.sandbox.SandboxClock} moving, and
 * before every request other than a send (so a status read right after the time sees the delivery).
 */
final class ScheduledQueue {

    private final Clock clock;
    private final PriorityQueue<Held> held = new PriorityQueue<>();
    private long sequence;

    ScheduledQueue(Clock clock) {
        this.clock = clock;
    }

    /** Holds a message until {@code due}; {@code release} then sends it on. */
    synchronized void hold(MessageRecord record, Instant due, Runnable release) {
        record.setState("scheduled");
        held.add(new Held(due, sequence++, record, release));
    }

    /** Releases every message whose time has come, in time order, outside the lock. */
    void releaseDue() {
        List<Held> due = new ArrayList<>();
        synchronized (this) {
            if (held.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            while (!held.isEmpty() && !held.peek().due.isAfter(now)) {
                due.add(held.poll());
            }
        }
        due.forEach(message -> {
            message.record.setState("queued");
            message.release.run();
        });
    }

    /**
     * Cancels a message still held.
     *
     * @return whether it was held (and is now cancelled)
     */
    synchronized boolean cancel(MessageRecord record) {
        for (Iterator<Held> it = held.iterator(); it.hasNext(); ) {
            if (it.next().record == record) {
                it.remove();
                record.setState("cancelled");
                return true;
            }
        }
        return false;
    }

    synchronized void clear() {
        held.clear();
    }

    private record Held(Instant due, long sequence, MessageRecord record, Runnable release)
            implements Comparable<Held> {
        @Override
        public int compareTo(Held other) {
            int byTime = due.compareTo(other.due);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
