package io.connect8x8.sms;

import io.connect8x8.Masking;
import io.connect8x8.ValidationException;
import io.connect8x8.internal.Checks;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The fields a batch's messages share ({@code template} in the SMS batch request); a field set on a message
 * overrides the template's. The API does not fill {@code {name}} placeholders: personalise with one {@link Sms} per
 * recipient instead.
 */
public final class SmsTemplate {

    private final SmsText body;
    private final OffsetDateTime scheduled;
    private final OffsetDateTime expiry;

    private SmsTemplate(Builder b) {
        this.body = b.body.check("template.");
        this.scheduled = b.scheduled;
        this.expiry = b.expiry;
        Checks.expiryAfterScheduled("template.expiry", scheduled, expiry);
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the shared text} */
    public Optional<String> text() {
        return Optional.ofNullable(body.text());
    }

    /** {@return the shared sender id} */
    public Optional<String> from() {
        return Optional.ofNullable(body.from());
    }

    /** {@return the shared encoding: {@link SmsEncoding#UNKNOWN} for a name with no constant} */
    public Optional<SmsEncoding> encoding() {
        return encodingAsString().map(SmsEncoding::find);
    }

    /** {@return the shared encoding as given} */
    public Optional<String> encodingAsString() {
        return Optional.ofNullable(body.encoding());
    }

    /** {@return the shared schedule} */
    public Optional<OffsetDateTime> scheduled() {
        return Optional.ofNullable(scheduled);
    }

    /** {@return the shared expiry} */
    public Optional<OffsetDateTime> expiry() {
        return Optional.ofNullable(expiry);
    }

    @Override
    public String toString() {
        return "SmsTemplate{text=" + Masking.describeText(body.text()) + ", from=" + body.from() + ", encoding="
                + body.encoding() + ", scheduled=" + scheduled + '}';
    }

    /** Builds an {@link SmsTemplate}; every field is optional, and has the meaning of the {@link Sms} field. */
    public static final class Builder {
        private SmsText body = SmsText.EMPTY;
        private OffsetDateTime scheduled;
        private OffsetDateTime expiry;

        private Builder() {
        }

        /**
         * Sets the text of the messages that have none.
         *
         * @param text the shared text
         * @return this builder
         */
        public Builder text(String text) {
            body = body.withText(text);
            return this;
        }

        /**
         * Sets the sender id of the messages that have none.
         *
         * @param from the shared sender id, sent as {@code source}
         * @return this builder
         */
        public Builder from(String from) {
            body = body.withFrom(from);
            return this;
        }

        /**
         * Sets the shared encoding.
         *
         * @param encoding the shared encoding, or null (default: not sent)
         * @return this builder
         * @throws ValidationException when {@code encoding} is {@link SmsEncoding#UNKNOWN}
         */
        public Builder encoding(SmsEncoding encoding) {
            body = body.withEncoding("template.encoding", encoding);
            return this;
        }

        /**
         * Sets the shared encoding by name, as {@link Sms.Builder#encoding(String)} does.
         *
         * @param encoding the shared encoding's name, or null (default: not sent)
         * @return this builder
         * @throws ValidationException when {@code encoding} is blank
         */
        public Builder encoding(String encoding) {
            body = body.withEncoding("template.encoding", encoding);
            return this;
        }

        /**
         * Schedules the batch.
         *
         * @param scheduled when to send the batch
         * @return this builder
         */
        public Builder scheduled(OffsetDateTime scheduled) {
            this.scheduled = scheduled;
            return this;
        }

        /**
         * Sets when the batch's messages stop being worth trying.
         *
         * @param expiry when to stop trying
         * @return this builder
         */
        public Builder expiry(OffsetDateTime expiry) {
            this.expiry = expiry;
            return this;
        }

        /**
         * Builds the template.
         *
         * @return the template
         * @throws ValidationException naming the malformed field
         */
        public SmsTemplate build() {
            return new SmsTemplate(this);
        }
    }
}
