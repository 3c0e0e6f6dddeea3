package io.connect8x8.micrometer;

import io.connect8x8.CallListener;
import io.connect8x8.SendCancelledException;
import io.connect8x8.webhooks.DeliveryReceipt;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Metrics and tracing of every call a {@link io.connect8x8.Connect8x8Client} makes, sync and async, through the
 * Micrometer Observation API, and of the delivery receipts that follow. Install it as the client's listener:
 *
 * <pre>{@code
 * Connect8x8Observability observability = Connect8x8Observability.builder()
 *         .observationRegistry(observationRegistry)   // tracing, and the call timer when it has a meter handler
 *         .meterRegistry(meterRegistry)               // the counters and the receipt lag
 *         .build();
 * Connect8x8Client client = Connect8x8Client.builder().listener(observability)...build();
 * ReceiptReceiver receiver = ReceiptReceiver.builder()
 *         .onReceipt(observability.receiptListener().andThen(myListener))...build();
 * }</pre>
 *
 * <p>Each call is one {@link Observation} named {@value #CALLS}, a child of the observation current on the thread
 * that starts the call: with a meter handler it is the timer {@value #CALLS}, with a tracing bridge (Micrometer
 * Tracing) it is a span named {@code connect8x8 <api> <operation>}. Its low-cardinality tags are {@code api},
 * {@code operation}, {@code outcome}, {@code http.status} and {@code error}; the metric names and tags are listed
 * in the module's README. No tag ever holds a phone number, a message text, an id or the key. Thread-safe.
 */
public final class Connect8x8Observability implements CallListener {

    /** The observation of each call, and the timer of its duration: {@code connect8x8.calls}. */
    public static final String CALLS = "connect8x8.calls";
    /** The counter of retries, by reason: {@code connect8x8.retries}. */
    public static final String RETRIES = "connect8x8.retries";
    /** The timer of the waits before retries, by reason: {@code connect8x8.retry.waits}. */
    public static final String RETRY_WAITS = "connect8x8.retry.waits";
    /** The counter of waits after an HTTP 429: {@code connect8x8.rate_limit.waits}. */
    public static final String RATE_LIMIT_WAITS = "connect8x8.rate_limit.waits";
    /** The counter of batch messages accepted and rejected: {@code connect8x8.batch.messages}. */
    public static final String BATCH_MESSAGES = "connect8x8.batch.messages";
    /** The counter of delivery receipts received, by state: {@code connect8x8.webhook.receipts}. */
    public static final String RECEIPTS = "connect8x8.webhook.receipts";
    /** The timer from a send to each of its receipts, by state: {@code connect8x8.receipt.lag}. */
    public static final String RECEIPT_LAG = "connect8x8.receipt.lag";
    /** The default number of sends remembered for the receipt lag: 100,000. */
    public static final int DEFAULT_MAX_TRACKED_SENDS = 100_000;

    private static final String NO_VALUE = "none";

    private final ObservationRegistry observations;
    private final MeterRegistry meters;
    private final SendTimes sendTimes;

    private Connect8x8Observability(Builder builder) {
        this.meters = builder.meters;
        if (builder.observations != null) {
            this.observations = builder.observations;
        } else {
            this.observations = ObservationRegistry.create();
            observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        }
        this.sendTimes = meters == null ? null : new SendTimes(builder.maxTrackedSends);
    }

    /**
     * Starts a builder; give it an {@link ObservationRegistry}, a {@link MeterRegistry}, or both.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the observation of a call.
     *
     * @param call what is sent
     * @return the call's events, which end the observation
     */
    @Override
    public CallEvents callStarted(CallInfo call) {
        CallContext context = new CallContext(call);
        Observation observation = Observation.createNotStarted(CALLS, () -> context, observations)
                .contextualName("connect8x8 " + call.api().tag() + " " + call.operation().tag())
                .lowCardinalityKeyValue("api", call.api().tag())
                .lowCardinalityKeyValue("operation", call.operation().tag())
                .highCardinalityKeyValue("connect8x8.messages", Integer.toString(call.messages()))
                .start();
        return new Events(call, context, observation);
    }

    /**
     * Counts a delivery receipt ({@value #RECEIPTS}) and records its lag ({@value #RECEIPT_LAG}). Hand it to
     * {@link io.connect8x8.webhooks.ReceiptReceiver.Builder#onReceipt} through {@link #receiptListener()}. Without a
     * {@link MeterRegistry} it does nothing.
     *
     * @param receipt a new receipt (the receiver passes each only once)
     */
    public void receiptReceived(DeliveryReceipt receipt) {
        if (meters == null) {
            return;
        }
        Counter.builder(RECEIPTS)
                .description("New delivery receipts received")
                .tag("namespace", namespace(receipt))
                .tag("state", state(receipt))
                .register(meters).increment();
        recordReceiptLag(receipt);
    }

    /**
     * Records only the lag of a receipt ({@value #RECEIPT_LAG}): the time from the end of the call that sent its
     * message (found by umid, else by batch id) to now, on the meter registry's clock. A receipt of a message this
     * instance did not send, or sent so long ago it was forgotten ({@link Builder#maxTrackedSends}), records
     * nothing. The Spring Boot starter calls this, counting receipts itself under the same name.
     *
     * @param receipt a new receipt
     */
    public void recordReceiptLag(DeliveryReceipt receipt) {
        if (meters == null) {
            return;
        }
        Long sentAt = sendTimes.find(receipt.umid(), receipt.batchId());
        if (sentAt != null) {
            long lag = Math.max(0, meters.config().clock().monotonicTime() - sentAt);
            Timer.builder(RECEIPT_LAG)
                    .description("From the end of the send to the arrival of each receipt of the message")
                    .tag("namespace", namespace(receipt))
                    .tag("state", state(receipt))
                    .register(meters).record(lag, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * {@link #receiptReceived} as a listener for {@link io.connect8x8.webhooks.ReceiptReceiver.Builder#onReceipt};
     * combine it with your own through {@link Consumer#andThen}.
     *
     * @return the listener
     */
    public Consumer<DeliveryReceipt> receiptListener() {
        return this::receiptReceived;
    }

    private static String namespace(DeliveryReceipt receipt) {
        return receipt.namespace() == null ? NO_VALUE : receipt.namespace();
    }

    private static String state(DeliveryReceipt receipt) {
        return receipt.knownState().name().toLowerCase(Locale.ROOT);
    }

    /** One call's observation and counters. */
    private final class Events implements CallEvents {
        private final CallInfo call;
        private final CallContext context;
        private final Observation observation;

        Events(CallInfo call, CallContext context, Observation observation) {
            this.call = call;
            this.context = context;
            this.observation = observation;
        }

        @Override
        public void retryScheduled(Retry retry) {
            if (meters == null) {
                return;
            }
            Counter.builder(RETRIES).description("Attempts repeated after a failed one")
                    .tag("api", call.api().tag()).tag("operation", call.operation().tag())
                    .tag("reason", retry.reason().tag())
                    .register(meters).increment();
            Timer.builder(RETRY_WAITS).description("Waits before a retry")
                    .tag("api", call.api().tag()).tag("operation", call.operation().tag())
                    .tag("reason", retry.reason().tag())
                    .register(meters).record(retry.delay());
            if (retry.reason() == RetryReason.RATE_LIMITED) {
                Counter.builder(RATE_LIMIT_WAITS).description("Waits after HTTP 429, for Retry-After")
                        .tag("api", call.api().tag()).tag("operation", call.operation().tag())
                        .register(meters).increment();
            }
        }

        @Override
        public void callFinished(Outcome outcome) {
            context.outcome = outcome;
            // A cancel is the observation's error too, as the caller's future holds it: Micrometer's meter handler
            // writes the tag error from the observation's error over the observation's own, so the tag "cancelled"
            // this gave a cancel was replaced by "none" in the timer.
            Throwable failure = outcome.cancelled()
                    ? new SendCancelledException(outcome.sendState(), outcome.attempts()) : outcome.failure();
            observation.lowCardinalityKeyValue(KeyValue.of("outcome", outcome(outcome)))
                    .lowCardinalityKeyValue("http.status",
                            outcome.httpStatus() == 0 ? NO_VALUE : Integer.toString(outcome.httpStatus()))
                    .lowCardinalityKeyValue("error", failure == null ? NO_VALUE : failure.getClass().getSimpleName())
                    .highCardinalityKeyValue("connect8x8.attempts", Integer.toString(outcome.attempts()));
            if (failure != null) {
                observation.error(failure);
            }
            observation.stop();
            if (meters != null && outcome.succeeded()) {
                String sent = outcome.messageId() != null ? outcome.messageId() : outcome.batchId();
                if (sent != null) {
                    sendTimes.put(sent, meters.config().clock().monotonicTime());
                }
                if (call.operation() == Operation.SEND_BATCH) {
                    batchMessages("accepted").increment(outcome.acceptedMessages());
                    batchMessages("rejected").increment(outcome.rejectedMessages());
                }
            }
        }

        private Counter batchMessages(String result) {
            return Counter.builder(BATCH_MESSAGES).description("Messages of accepted batches, by the API's answer")
                    .tag("api", call.api().tag()).tag("result", result).register(meters);
        }
    }

    private static String outcome(Outcome outcome) {
        return outcome.succeeded() ? "success" : outcome.sendState().name().toLowerCase(Locale.ROOT);
    }

    /**
     * The context of a call's observation, for handlers and conventions of your own: what is sent and, once the
     * call finished, how it ended.
     */
    public static final class CallContext extends Observation.Context {
        private final CallInfo call;
        private volatile Outcome outcome;

        CallContext(CallInfo call) {
            this.call = call;
        }

        /**
         * What the call sends.
         *
         * @return the call's facts
         */
        public CallInfo call() {
            return call;
        }

        /**
         * How the call ended.
         *
         * @return the outcome, or null while the call runs
         */
        public Outcome outcome() {
            return outcome;
        }
    }

    /** When recent sends ended, by umid or batch id, the oldest forgotten first. */
    private static final class SendTimes {
        private final Map<String, Long> times;

        SendTimes(int max) {
            this.times = new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                    return size() > max;
                }
            };
        }

        synchronized void put(String id, long time) {
            times.put(id, time);
        }

        synchronized Long find(String umid, String batchId) {
            Long time = umid == null ? null : times.get(umid);
            return time != null || batchId == null ? time : times.get(batchId);
        }
    }

    /** Builds a {@link Connect8x8Observability}. */
    public static final class Builder {
        private ObservationRegistry observations;
        private MeterRegistry meters;
        private int maxTrackedSends = DEFAULT_MAX_TRACKED_SENDS;

        private Builder() {
        }

        /**
         * Sets the registry each call's observation goes to: the application's, with its meter and tracing handlers.
         * Without one, the observations go to a registry of this instance's that times them into the
         * {@link #meterRegistry meter registry}.
         *
         * @param registry the observation registry
         * @return this builder
         */
        public Builder observationRegistry(ObservationRegistry registry) {
            this.observations = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Sets the registry of the counters and the receipt lag. Without one, only the observations are made.
         *
         * @param registry the meter registry
         * @return this builder
         */
        public Builder meterRegistry(MeterRegistry registry) {
            this.meters = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Sets how many sends are remembered (umid or batch id, and a time) for the receipt lag: the oldest is
         * forgotten first. About 100 bytes each.
         *
         * @param max at least 1 (default {@value Connect8x8Observability#DEFAULT_MAX_TRACKED_SENDS})
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder maxTrackedSends(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxTrackedSends must be at least 1");
            }
            this.maxTrackedSends = max;
            return this;
        }

        /**
         * Builds the listener.
         *
         * @return the listener
         * @throws IllegalStateException when neither registry was given
         */
        public Connect8x8Observability build() {
            if (observations == null && meters == null) {
                throw new IllegalStateException("give an ObservationRegistry, a MeterRegistry, or both");
            }
            return new Connect8x8Observability(this);
        }
    }
}
