package io.connect8x8.internal;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * What a client and the clients derived from it with {@code newBuilder()} share: the root OkHttpClient (pool and
 * dispatcher) and the scheduler async retries wait on. Each client holds one reference until its {@code close()}, and
 * the last close releases them, so that no open client is left with a dispatcher its parent shut down.
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
     * @param ownsHttp whether the client made it (to shut down at the end), not the caller
     * @param dispatcher the dispatcher the client made, sized to its {@code maxAsyncInFlight}; null with the caller's
     */
    public SharedResources(Lazy<OkHttpClient> root, boolean ownsHttp, Dispatcher dispatcher) {
        this.root = root;
        this.ownsHttp = ownsHttp;
        this.dispatcher = dispatcher;
    }

    /** {@return the root OkHttpClient, built on first use, which derived clients build theirs from} */
    public Lazy<OkHttpClient> root() {
        return root;
    }

    /**
     * Takes a reference for a derived client, and makes room for its async calls in the owned dispatcher, so that
     * each client's own {@code maxAsyncInFlight} is the only bound on its calls.
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
        if (dispatcher != null) {
            // Also when no request was made yet: the escape hatch of a closed client would build the OkHttpClient
            // later, and its first async call would start a dispatcher thread (not a daemon) that nothing ends.
            dispatcher.executorService().shutdown();
        }
        OkHttpClient built = root.ifMade();
        if (ownsHttp && built != null) {
            built.connectionPool().evictAll();
        }
    }

    /**
     * The scheduler async retries wait on: one daemon thread, made at the first wait.
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
