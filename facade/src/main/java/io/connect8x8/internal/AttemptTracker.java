package io.connect8x8.internal;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * Tells whether an attempt's request may have reached the server. OkHttp reports, through an {@link EventListener},
 * when it starts writing the request headers; until then nothing of the request left this process, and a failure
 * is safe to retry. The body is marked one-shot so that OkHttp itself never replays a request it started to send.
 */
public final class AttemptTracker {

    private static final int OPEN = 0;
    private static final int WRITING = 1;
    private static final int HELD_BACK = 2;

    private volatile boolean sendStarted;
    /** Decided once between the writer ({@link #GATE}) and a cancel ({@link #holdBack()}): who came first. */
    private final AtomicInteger gate = new AtomicInteger(OPEN);

    // Made only by Transport, one per attempt.
    AttemptTracker() {
    }

    /** Whether any byte of the request may have been written. */
    boolean sendStarted() {
        return sendStarted;
    }

    /**
     * Keeps the request from being written from now on, unless its writing has begun: a cancel then knows for
     * certain whether the attempt's request can reach the server. True when it was not written and never will be.
     */
    boolean holdBack() {
        return gate.compareAndSet(OPEN, HELD_BACK) || gate.get() == HELD_BACK;
    }

    /**
     * The network interceptor to install on the client's OkHttpClient: it runs on the connected socket just before
     * the request is written, and refuses to write one that a cancel held back.
     */
    public static final Interceptor GATE = chain -> {
        AttemptTracker tracker = chain.request().tag(AttemptTracker.class);
        if (tracker != null && !tracker.gate.compareAndSet(OPEN, WRITING) && tracker.gate.get() == HELD_BACK) {
            throw new IOException("Canceled before the request was written");
        }
        return chain.proceed(chain.request());
    };

    /** The listener factory to install on the client's OkHttpClient. */
    public static final EventListener.Factory LISTENER_FACTORY = call -> new EventListener() {
        @Override
        public void requestHeadersStart(Call c) {
            mark(c);
        }

        @Override
        public void requestBodyStart(Call c) {
            mark(c);
        }
    };

    private static void mark(Call call) {
        AttemptTracker tracker = call.request().tag(AttemptTracker.class);
        if (tracker != null) {
            tracker.sendStarted = true;
        }
    }

    /** The request of one attempt: tagged with this tracker, its body one-shot. */
    Request attach(Request request) {
        Request.Builder builder = request.newBuilder().tag(AttemptTracker.class, this);
        RequestBody body = request.body();
        if (body != null) {
            builder.method(request.method(), new OneShotBody(body));
        }
        return builder.build();
    }

    /** The body without {@link #attach}'s one-shot mark, for a replay known to be safe (after a proxy's 407). */
    static RequestBody replayable(RequestBody body) {
        return body instanceof OneShotBody oneShot ? oneShot.delegate : body;
    }

    private static final class OneShotBody extends RequestBody {
        private final RequestBody delegate;

        OneShotBody(RequestBody delegate) {
            this.delegate = delegate;
        }

        @Override
        public MediaType contentType() {
            return delegate.contentType();
        }

        @Override
        public long contentLength() throws IOException {
            return delegate.contentLength();
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            delegate.writeTo(sink);
        }

        @Override
        public boolean isOneShot() {
            return true;
        }
    }
}
