package io.connect8x8;

import io.connect8x8.internal.Checks;
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

    /** {@return a new builder with nothing set} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the call's deadline, retries and waits included, if set} */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** {@return the call's retry policy, if set} */
    public Optional<RetryPolicy> retryPolicy() {
        return Optional.ofNullable(retryPolicy);
    }

    /** {@return the call's sub-account, if set} */
    public Optional<String> subAccountId() {
        return Optional.ofNullable(subAccountId);
    }

    /**
     * {@return the listener of this one call, besides the client's, if set} A campaign uses it to hold its other
     * workers back while the transport waits out a 429.
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
         * Sets this call's deadline, retries and waits included.
         *
         * @param timeout positive, at most {@code Integer.MAX_VALUE} ms (default: the client's call timeout)
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isZero() || timeout.isNegative() || timeout.compareTo(Checks.MAX_DURATION) > 0) {
                throw new ValidationException("timeout", "must be positive, at most Integer.MAX_VALUE ms");
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Sets this call's retry policy: for example {@link RetryPolicy#NONE} for a call the caller retries itself.
         *
         * @param retryPolicy the policy (default: the client's)
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * Sends this call from another sub-account than the client's.
         *
         * @param subAccountId the sub-account (default: the client's)
         * @return this builder
         */
        public Builder subAccountId(String subAccountId) {
            this.subAccountId = Objects.requireNonNull(subAccountId, "subAccountId");
            return this;
        }

        /**
         * Sets a listener of this one call, which hears the same events as the client's, under the same rules.
         *
         * @param listener observes this call
         * @return this builder
         */
        public Builder listener(CallListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** {@return the options} */
        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
