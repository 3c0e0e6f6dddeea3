package io.connect8x8;

import io.connect8x8.internal.Checks;
import java.time.Duration;
import java.util.Objects;

/**
 * When and how a call is repeated, within its deadline. A 429 waits for its {@code Retry-After} (or the backoff); a
 * 503, or a failure that provably never reached the server (connection refused, DNS failure, connect timeout), backs
 * off exponentially with full jitter; anything after which the message may have been processed (500, 502, 504, a
 * timeout or reset after the request was written) is retried only under {@link Builder#retryAmbiguousFailures}.
 * Every attempt reuses the {@code clientMessageId} fixed before the first.
 *
 * @param maxAttempts attempts in all, the first included
 * @param initialBackoff the base of the exponential backoff
 * @param maxBackoff the cap of one backoff
 * @param retryAmbiguousFailures whether to retry when the message may already have been processed
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff,
                          boolean retryAmbiguousFailures) {

    /** The default policy: 3 attempts, 250 ms to 8 s backoff, no retry of ambiguous failures. */
    public static final RetryPolicy DEFAULT = builder().build();

    /** No retries at all. */
    public static final RetryPolicy NONE = builder().maxAttempts(1).build();

    /**
     * Makes a policy, refusing one that could not work or would hammer the API.
     *
     * @param maxAttempts 1 to 20
     * @param initialBackoff not negative
     * @param maxBackoff at least {@code initialBackoff}, at most {@code Integer.MAX_VALUE} ms
     * @param retryAmbiguousFailures whether to retry when the message may already have been processed
     * @throws ValidationException when {@code maxAttempts} is outside 1 to 20, a backoff is negative, or the backoffs
     *     are out of order
     */
    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new ValidationException("retryPolicy.maxAttempts", "must be 1 to 20, was " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative()) {
            throw new ValidationException("retryPolicy.initialBackoff", "must not be negative");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0 || maxBackoff.compareTo(Checks.MAX_DURATION) > 0) {
            throw new ValidationException("retryPolicy.maxBackoff", "must be at least initialBackoff, both 0 to "
                    + Checks.MAX_DURATION.toMillis() + " ms");
        }
    }

    /** {@return a new builder with the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a new builder starting from this policy} */
    public Builder toBuilder() {
        return new Builder().maxAttempts(maxAttempts).initialBackoff(initialBackoff).maxBackoff(maxBackoff)
                .retryAmbiguousFailures(retryAmbiguousFailures);
    }

    /** Builds a {@link RetryPolicy}. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(250);
        private Duration maxBackoff = Duration.ofSeconds(8);
        private boolean retryAmbiguousFailures;

        private Builder() {
        }

        /**
         * Sets how many attempts a call makes in all, the first included.
         *
         * @param maxAttempts 1 to 20 (default 3)
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Sets the base of the backoff: attempt n waits a random time up to {@code initialBackoff * 2^(n-1)}, capped
         * (full jitter, so that clients that failed together do not retry together).
         *
         * @param initialBackoff the base (default 250 ms)
         * @return this builder
         */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = Objects.requireNonNull(initialBackoff, "initialBackoff");
            return this;
        }

        /**
         * Caps one backoff, so that late attempts do not wait for minutes.
         *
         * @param maxBackoff at least the initial backoff, at most {@code Integer.MAX_VALUE} ms (default 8 s)
         * @return this builder
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
            return this;
        }

        /**
         * Opts in to retrying after failures that may have been processed (500, 502, 504, read timeout or reset after
         * the request was written). The API has no idempotency key: this can send a message twice.
         *
         * @param retry whether to retry (default false)
         * @return this builder
         */
        public Builder retryAmbiguousFailures(boolean retry) {
            this.retryAmbiguousFailures = retry;
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         * @throws ValidationException when the settings do not make a policy
         */
        public RetryPolicy build() {
            return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, retryAmbiguousFailures);
        }
    }
}
