package io.connect8x8.internal;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * What a client and every client derived from it with {@code newBuilder()} share: the root OkHttpClient (its
 * connection pool and dispatcher threads) and the scheduler async retries wait on. Counted: each client holds one
 * reference from {@code build()} to its {@code close()}, and the last close releases them, so no client is left
 * half-working (its async sends rejected by a dispatcher its parent shut down) while it says it is open.
 */
public final class SharedResources {

    private final Lazy<OkHttpClient> root;
    private final boolean ownsHttp;
    private final Dispatcher dispatcher;
    private int references = 1;
    private boolean released;
    private ScheduledExecutorService scheduler;

    /**
     * The resources of a new client, held once (by that client).
     *
     * @param root the root client's OkHttpClient, built on first use
     * @param ownsHttp whether the client made it (its dispatcher is shut down and its pool evicted at the end); false
     *     for one the caller gave, which stays the caller's
     * @param dispatcher the dispatcher the client made, sized to its {@code maxAsyncInFlight}; null with the caller's
     */
    public SharedResources(Lazy<OkHttpClient> root, boolean ownsHttp, Dispatcher dispatcher) {
        this.root = root;
        this.ownsHttp = ownsHttp;
        this.dispatcher = dispatcher;
    }

    /**
     * The root OkHttpClient; derived clients build theirs from it, so they share its pool and dispatcher.
     *
     * @return the root OkHttpClient, built on first use
     */
    public Lazy<OkHttpClient> root() {
        return root;
    }

    /**
     * Takes a reference for a derived client, and makes room for its async calls in the dispatcher the client made:
     * each client's own {@code maxAsyncInFlight} is then the only bound on its calls, not a limit shared unseen with
     * the others.
     *
     * @param maxAsyncInFlight the derived client's bound
     * @return false when every holder has already released them: the derived client must make its own
     */
    public synchronized boolean retain(int maxAsyncInFlight) {
        if (released) {
            return false;
        }
        references++;
        resize(maxAsyncInFlight);
        return true;
    }

    private void resize(int by) {
        if (dispatcher != null) {
            dispatcher.setMaxRequests(dispatcher.getMaxRequests() + by);
            dispatcher.setMaxRequestsPerHost(dispatcher.getMaxRequestsPerHost() + by);
        }
    }

    /**
     * Gives a reference back; the last one shuts the scheduler and the owned dispatcher down.
     *
     * @param maxAsyncInFlight the releasing client's bound, given back to the dispatcher
     */
    public void release(int maxAsyncInFlight) {
        ScheduledExecutorService ownScheduler;
        synchronized (this) {
            if (released) {
                return;
            }
            if (--references > 0) {
                resize(-maxAsyncInFlight);
                return;
            }
            released = true;
            ownScheduler = scheduler;
        }
        if (ownScheduler != null) {
            ownScheduler.shutdownNow();
        }
        OkHttpClient built = root.ifMade();
        if (ownsHttp && built != null) {
            built.dispatcher().executorService().shutdown();
            built.connectionPool().evictAll();
        }
    }

    /**
     * The scheduler async retries wait on: one daemon thread, made the first time a retry waits.
     *
     * @return the scheduler
     * @throws RejectedExecutionException once released
     */
    public synchronized ScheduledExecutorService scheduler() {
        if (released) {
            throw new RejectedExecutionException("the client is closed");
        }
        if (scheduler == null) {
            ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, "connect8x8-retry-scheduler");
                thread.setDaemon(true);
                return thread;
            });
            pool.setRemoveOnCancelPolicy(true);
            scheduler = pool;
        }
        return scheduler;
    }
}
