package io.connect8x8.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * The fault switches of a simulator and the seeded draw that decides, per request, which fault (if any) applies.
 * Every method is synchronized: switches change from test threads while server threads draw.
 */
public final class FaultState {

    /** What happens to one request. */
    public enum Fault {
        /** Handled normally. */
        NONE,
        /** The connection is closed without a response. */
        RESET,
        /** 429 from a burst. */
        TOO_MANY_REQUESTS,
        /** 500 code 2000. */
        SERVER_ERROR,
        /** 503. */
        UNAVAILABLE,
        /** Handled, but the 200 body is cut in half. */
        MALFORMED
    }

    /** The seed used until one is set, so that runs are repeatable by default. */
    public static final long DEFAULT_SEED = 8_8L;

    private Duration latency = Duration.ZERO;
    private double serverErrorRate;
    private double unavailableRate;
    private double resetRate;
    private double malformedRate;
    private int tooManyRemaining;
    private int retryAfterSeconds = 1;
    private long seed = DEFAULT_SEED;
    // SplittableRandom mixes its seed: java.util.Random's first draws for small seeds are correlated.
    private SplittableRandom random = new SplittableRandom(DEFAULT_SEED);

    /**
     * Creates the switches with every fault off, no added latency, and the draw seeded with {@link #DEFAULT_SEED}.
     */
    public FaultState() {
    }

    /**
     * Sets the latency added to every API response.
     *
     * @param latency added before every API response, not negative
     */
    public synchronized void latency(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + latency);
        }
        this.latency = latency;
    }

    /**
     * Returns the added latency.
     *
     * @return the added latency
     */
    public synchronized Duration latency() {
        return latency;
    }

    /**
     * Sets the share of requests answered 500.
     *
     * @param rate share of requests answered 500, 0 to 1
     */
    public synchronized void serverErrorRate(double rate) {
        serverErrorRate = checkRate(rate);
    }

    /**
     * Sets the share of requests answered 503.
     *
     * @param rate share of requests answered 503, 0 to 1
     */
    public synchronized void unavailableRate(double rate) {
        unavailableRate = checkRate(rate);
    }

    /**
     * Sets the share of connections closed without a response.
     *
     * @param rate share of connections closed without a response, 0 to 1
     */
    public synchronized void resetRate(double rate) {
        resetRate = checkRate(rate);
    }

    /**
     * Sets the share of 200 responses whose body is truncated.
     *
     * @param rate share of 200 responses whose body is truncated, 0 to 1
     */
    public synchronized void malformedRate(double rate) {
        malformedRate = checkRate(rate);
    }

    /**
     * Answers the next requests 429.
     *
     * @param count how many of the next requests get 429, at least 0
     * @param retryAfter the Retry-After seconds they carry, at least 1
     */
    public synchronized void tooManyRequests(int count, int retryAfter) {
        if (count < 0 || retryAfter < 1) {
            throw new IllegalArgumentException("count must be >= 0 and retryAfter >= 1: " + count + ", " + retryAfter);
        }
        tooManyRemaining = count;
        retryAfterSeconds = retryAfter;
    }

    /**
     * Sets the seed of the fault draw.
     *
     * @param seed the seed of the draw; restarts the sequence
     */
    public synchronized void seed(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /** Turns every fault off and restarts the draw from the current seed. */
    public synchronized void clear() {
        latency = Duration.ZERO;
        serverErrorRate = 0;
        unavailableRate = 0;
        resetRate = 0;
        malformedRate = 0;
        tooManyRemaining = 0;
        retryAfterSeconds = 1;
        random = new SplittableRandom(seed);
    }

    /**
     * Returns the Retry-After seconds of the current burst.
     *
     * @return the Retry-After seconds of the current burst
     */
    public synchronized int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /**
     * Decides the fault of the next request. The draw consumes one random number per request whatever the
     * switches, so the same seed and the same sequence of requests give the same faults.
     *
     * @return the fault
     */
    public synchronized Fault next() {
        double draw = random.nextDouble();
        if (tooManyRemaining > 0) {
            tooManyRemaining--;
            return Fault.TOO_MANY_REQUESTS;
        }
        double bound = resetRate;
        if (draw < bound) {
            return Fault.RESET;
        }
        bound += serverErrorRate;
        if (draw < bound) {
            return Fault.SERVER_ERROR;
        }
        bound += unavailableRate;
        if (draw < bound) {
            return Fault.UNAVAILABLE;
        }
        bound += malformedRate;
        return draw < bound ? Fault.MALFORMED : Fault.NONE;
    }

    /**
     * Applies the switches present in an admin request; absent fields are left as they are.
     *
     * @param json e.g. {@code {"latencyMillis":200,"serverErrorRate":0.5,"tooManyRequests":{"count":3,
     *     "retryAfterSeconds":2},"seed":42}}; {@code "clear":true} first turns everything off
     */
    public synchronized void apply(JsonNode json) {
        if (!json.isObject()) {
            throw ApiError.badRequest(1000, "Faults must be a JSON object");
        }
        try {
            if (json.path("clear").asBoolean(false)) {
                clear();
            }
            if (json.has("seed")) {
                seed(number(json, "seed").longValue());
            }
            if (json.has("latencyMillis")) {
                latency(Duration.ofMillis(number(json, "latencyMillis").longValue()));
            }
            if (json.has("serverErrorRate")) {
                serverErrorRate(number(json, "serverErrorRate").doubleValue());
            }
            if (json.has("unavailableRate")) {
                unavailableRate(number(json, "unavailableRate").doubleValue());
            }
            if (json.has("connectionResetRate")) {
                resetRate(number(json, "connectionResetRate").doubleValue());
            }
            if (json.has("malformedBodyRate")) {
                malformedRate(number(json, "malformedBodyRate").doubleValue());
            }
            if (json.has("tooManyRequests")) {
                JsonNode burst = json.get("tooManyRequests");
                tooManyRequests(number(burst, "count").intValue(),
                        burst.has("retryAfterSeconds") ? number(burst, "retryAfterSeconds").intValue() : 1);
            }
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(1000, e.getMessage());
        }
    }

    private static Number number(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isNumber()) {
            throw ApiError.badRequest(1000, "Invalid parameter " + field + ": must be a number");
        }
        return value.numberValue();
    }

    /**
     * Returns the switches as JSON, in the shape {@link #apply} reads.
     *
     * @return the switches as JSON, in the shape {@link #apply} reads
     */
    public synchronized ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("latencyMillis", latency.toMillis());
        json.put("serverErrorRate", serverErrorRate);
        json.put("unavailableRate", unavailableRate);
        json.put("connectionResetRate", resetRate);
        json.put("malformedBodyRate", malformedRate);
        json.putObject("tooManyRequests").put("count", tooManyRemaining).put("retryAfterSeconds", retryAfterSeconds);
        json.put("seed", seed);
        return json;
    }

    private static double checkRate(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be between 0 and 1: " + rate);
        }
        return rate;
    }
}
