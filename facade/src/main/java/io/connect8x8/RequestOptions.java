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
    private final CallListener listener;

    private RequestOptions(Builder builder) {
        this.timeout = builder.timeout;
        this.retryPolicy = builder.retryPolicy;
        this.subAccountId = builder.subAccountId;
        this.listener = builder.listener;
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

    /**
     * Returns the listener of this one call, which observes it besides the client's listener: a campaign uses it to
     * hold its other workers back while the transport waits out a 429.
     *
     * @return the call's own listener, if set
     */
    public Optional<CallListener> listener() {
        return Optional.ofNullable(listener);
    }

    @Override
    public String toString() {
        return "RequestOptions{timeout=" + timeout + ", retryPolicy=" + retryPolicy + ", subAccountId="
                + subAccountId + (listener == null ? "" : ", listener=" + listener) + '}';
    }

    /** Builds {@link RequestOptions}. */
    public static final class Builder {
        private Duration timeout;
        private RetryPolicy retryPolicy;
        private String subAccountId;
        private CallListener listener;

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
         * Sets a listener of this one call, called besides the client's listener with the same events (attempts,
         * retries and their reasons, the outcome), under the same rules: it runs on the calling or the client's
         * threads, and if it throws the failure is logged and the call goes on.
         *
         * @param listener observes this call
         * @return this builder
         */
        public Builder listener(CallListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
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
