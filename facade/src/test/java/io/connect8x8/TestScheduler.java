package io.connect8x8;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler for async tests that never waits: it records each delay the client asks for and either runs the task
 * at once ({@link #immediate()}) or holds it for a long time ({@link #holding()}) so a test can cancel or close
 * while a retry is pending. {@link #scheduled} hands each scheduled task to the test as it is scheduled.
 */
final class TestScheduler extends ScheduledThreadPoolExecutor {

    final List<Duration> delays = new CopyOnWriteArrayList<>();
    final BlockingQueue<ScheduledFuture<?>> scheduled = new LinkedBlockingQueue<>();
    private final boolean hold;

    private TestScheduler(boolean hold) {
        super(1, runnable -> {
            Thread thread = new Thread(runnable, "test-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        this.hold = hold;
    }

    static TestScheduler immediate() {
        return new TestScheduler(false);
    }

    static TestScheduler holding() {
        return new TestScheduler(true);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        delays.add(Duration.ofMillis(unit.toMillis(delay)));
        ScheduledFuture<?> future = super.schedule(command, hold ? 1 : 0, hold ? TimeUnit.HOURS : unit);
        scheduled.add(future);
        return future;
    }
}
