package io.connect8x8;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Options for one call, merged over the client's by one rule: a value set here wins, an unset one falls back to the
 * client's configuration.
 */
public final class RequestOptions {

    /** No overrides: the client's configuration applies. */
    public static final RequestOptions DEFAULT = builder().build();

    private final Duration timeout;
    private final RetryPolicy retryPolicy;
    private final String subAccountId;

    private RequestOptions(Builder builder) {
        this.timeout = builder.timeout;
        this.retryPolicy = builder.retryPolicy;
        this.subAccountId = builder.subAccountId;
    }

    /**
     * Returns a builder with nothing set.
     *
     * @return a builder with nothing set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the call's deadline override: the whole call, retries and waits included.
     *
     * @return the call's deadline override: the whole call, retries and waits included
     */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /**
     * Returns the call's retry policy override.
     *
     * @return the call's retry policy override
     */
    public Optional<RetryPolicy> retryPolicy() {
        return Optional.ofNullable(retryPolicy);
    }

    /**
     * Returns the call's sub-account override.
     *
     * @return the call's sub-account override
     */
    public Optional<String> subAccountId() {
        return Optional.ofNullable(subAccountId);
    }

    @Override
    public String toString() {
        return "RequestOptions{timeout=" + timeout + ", retryPolicy=" + retryPolicy + ", subAccountId="
                + subAccountId + '}';
    }

    /** Builds {@link RequestOptions}. */
    public static final class Builder {
        private Duration timeout;
        private RetryPolicy retryPolicy;
        private String subAccountId;

        private Builder() {
        }

        /**
         * Sets this call's deadline, over the client's call timeout. Zero or negative is refused with a
         * {@link ValidationException}.
         *
         * @param timeout the deadline of the whole call, retries and waits included (default: the client's call
         *     timeout)
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isZero() || timeout.isNegative()) {
                throw new ValidationException("timeout", "must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Sets this call's retry policy, over the client's: for example {@link RetryPolicy#NONE} for a call the caller
         * retries itself.
         *
         * @param retryPolicy the retry policy of this call (default: the client's)
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * Sends this call from another sub-account than the client's, without building a second client.
         *
         * @param subAccountId the sub-account to send from in this call (default: the client's)
         * @return this builder
         */
        public Builder subAccountId(String subAccountId) {
            this.subAccountId = Objects.requireNonNull(subAccountId, "subAccountId");
            return this;
        }

        /**
         * Returns the options.
         *
         * @return the options
         */
        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
