package io.connect8x8;

import io.connect8x8.internal.Checks;
import io.connect8x8.internal.Extras;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an {@link io.connect8x8.sms.Sms} and a {@link io.connect8x8.chatapps.ChatMessage} share: the caller's id,
 * the schedule, the receipt URL, the recipient's country and the request fields the facade does not model.
 * Immutable; field checks run when the message is built, checks against the clock when it is sent.
 */
public abstract class OutboundMessage {

    private final String country;
    private final String clientMessageId;
    private final String dlrCallbackUrl;
    private final OffsetDateTime scheduled;
    private final OffsetDateTime expiry;
    private final Map<String, Object> extras;

    /**
     * Checks and keeps the shared fields.
     *
     * @param b the builder
     * @param countryField the country's wire path, for an error
     * @param maxClientMessageId the longest {@code clientMessageId} the API takes
     * @throws ValidationException naming the first malformed field
     */
    protected OutboundMessage(Builder<?, ?> b, String countryField, int maxClientMessageId) {
        this.country = Checks.country(countryField, b.country);
        this.clientMessageId = Checks.optionalText("clientMessageId", b.clientMessageId, maxClientMessageId);
        this.dlrCallbackUrl = Checks.optionalUrl("dlrCallbackUrl", b.dlrCallbackUrl);
        this.scheduled = b.scheduled;
        this.expiry = b.expiry;
        this.extras = Extras.copy(b.extras);
        Checks.expiryAfterScheduled("expiry", scheduled, expiry);
    }

    /** {@return the ISO 3166 country a national recipient number was given in} */
    public Optional<String> country() {
        return Optional.ofNullable(country);
    }

    /** {@return the caller's id for the message, echoed in the answer and the receipts} */
    public Optional<String> clientMessageId() {
        return Optional.ofNullable(clientMessageId);
    }

    /** {@return where the API sends this message's receipts instead of the account's webhook} */
    public Optional<String> dlrCallbackUrl() {
        return Optional.ofNullable(dlrCallbackUrl);
    }

    /** {@return when to send, at most 7 days ahead} */
    public Optional<OffsetDateTime> scheduled() {
        return Optional.ofNullable(scheduled);
    }

    /** {@return when to stop trying} */
    public Optional<OffsetDateTime> expiry() {
        return Optional.ofNullable(expiry);
    }

    /** {@return the fields set with {@link Builder#extra(String, Object)} by wire name, in the order set} */
    public Map<String, Object> extras() {
        return Extras.copy(extras);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutboundMessage m && m.getClass() == getClass() && Objects.equals(country, m.country)
                && Objects.equals(clientMessageId, m.clientMessageId)
                && Objects.equals(dlrCallbackUrl, m.dlrCallbackUrl) && Objects.equals(scheduled, m.scheduled)
                && Objects.equals(expiry, m.expiry) && extras.equals(m.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(country, clientMessageId, dlrCallbackUrl, scheduled, expiry, extras);
    }

    /**
     * The shared settings of a message's builder; each is optional.
     *
     * @param <T> the message type
     * @param <B> the builder's own type
     */
    public abstract static class Builder<T extends OutboundMessage, B extends Builder<T, B>> {
        private final Set<String> modelled;
        private final Map<String, Object> extras = new LinkedHashMap<>();
        private String country;
        private String clientMessageId;
        private String dlrCallbackUrl;
        private OffsetDateTime scheduled;
        private OffsetDateTime expiry;

        /**
         * Starts a builder.
         *
         * @param modelled the wire names the message models itself, which {@link #extra(String, Object)} refuses
         */
        protected Builder(Set<String> modelled) {
            this.modelled = modelled;
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /**
         * Copies the shared fields of a message, for its {@code toBuilder()}.
         *
         * @param message the message
         * @return this builder
         */
        protected B shared(OutboundMessage message) {
            extras.putAll(message.extras);
            return country(message.country).clientMessageId(message.clientMessageId)
                    .dlrCallbackUrl(message.dlrCallbackUrl).scheduled(message.scheduled).expiry(message.expiry);
        }

        /**
         * Sets a request field this version of the facade does not model, such as one a newer 8x8 document added;
         * it is sent as given, beside the modelled fields, and setting a name again replaces the value.
         *
         * @param name the field's wire name; not one this type models (use its own method for those)
         * @param value a String, Number, Boolean, or a Gson JsonObject or JsonArray (copied)
         * @return this builder
         * @throws ValidationException for a blank or modelled name, or another type of value
         */
        public B extra(String name, Object value) {
            extras.put(name, Extras.check(modelled, name, value));
            return self();
        }

        /**
         * Sets the country a national number is read in; without it a number must be in E.164 form.
         *
         * @param country ISO 3166 alpha-2 country of a national {@code to}, also sent ({@code country},
         *     {@code user.country})
         * @return this builder
         */
        public B country(String country) {
            this.country = country;
            return self();
        }

        /**
         * Sets the message's own id, echoed in the answer and the receipts, to reconcile a send whose answer was lost.
         *
         * @param clientMessageId your id, at most {@code MAX_CLIENT_MESSAGE_ID} characters of the message type
         *     (default: the client generates one)
         * @return this builder
         */
        public B clientMessageId(String clientMessageId) {
            this.clientMessageId = clientMessageId;
            return self();
        }

        /**
         * Sends this message's delivery receipts to another URL than the account's webhook.
         *
         * @param dlrCallbackUrl the URL for this message's receipts (default: the account's webhook)
         * @return this builder
         */
        public B dlrCallbackUrl(String dlrCallbackUrl) {
            this.dlrCallbackUrl = dlrCallbackUrl;
            return self();
        }

        /**
         * Schedules the message; checked against the client's clock when it is sent.
         *
         * @param scheduled when to send, not in the past and at most 7 days ahead (default: now)
         * @return this builder
         */
        public B scheduled(OffsetDateTime scheduled) {
            this.scheduled = scheduled;
            return self();
        }

        /**
         * Sets when delivery stops being worth trying, for content that is useless late, such as a one-time code.
         *
         * @param expiry when to stop trying, after {@code scheduled} and before the year 10000 (default: the API's)
         * @return this builder
         */
        public B expiry(OffsetDateTime expiry) {
            this.expiry = expiry;
            return self();
        }

        /**
         * Builds the message, checking its fields, so bad input fails here with the field named.
         *
         * @return the message
         * @throws ValidationException naming the first malformed field
         */
        public abstract T build();
    }
}
