package io.connect8x8.sms;

import io.connect8x8.ValidationException;
import io.connect8x8.internal.Checks;
import io.connect8x8.internal.Redaction;
import io.connect8x8.internal.SpecEnums;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The fields a batch's messages share ({@code template} in the SMS batch request). A field set on a message
 * overrides the template's. In the text, {@code {name}} placeholders are not filled by the API: personalise with
 * one {@link Sms} per recipient instead.
 */
public final class SmsTemplate {

    private final String text;
    private final String from;
    private final String encoding;
    private final OffsetDateTime scheduled;
    private final OffsetDateTime expiry;

    private SmsTemplate(Builder b) {
        this.text = b.text == null ? null : Sms.checkText("template.text", b.text, b.encoding);
        this.from = Checks.optionalText("template.source", b.from, Sms.MAX_SOURCE);
        this.encoding = b.encoding;
        this.scheduled = b.scheduled;
        this.expiry = b.expiry;
        if (expiry != null && scheduled != null && !expiry.isAfter(scheduled)) {
            throw new ValidationException("template.expiry", "must be after scheduled");
        }
    }

    /**
     * Returns a new builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the shared text.
     *
     * @return the shared text
     */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    /**
     * Returns the shared sender id.
     *
     * @return the shared sender id
     */
    public Optional<String> from() {
        return Optional.ofNullable(from);
    }

    /**
     * Returns the shared encoding.
     *
     * @return the shared encoding if set: the facade's constant, or {@link SmsEncoding#UNKNOWN} for a name it has no
     *     constant for (read {@link #encodingAsString()} then)
     */
    public Optional<SmsEncoding> encoding() {
        return encodingAsString().map(SmsEncoding::find);
    }

    /**
     * Returns the shared encoding as given: the name passed to {@link Builder#encoding(String)}, or the constant's
     * name. The spelling sent is the matching value of the spec in use.
     *
     * @return the shared encoding as given, if set
     */
    public Optional<String> encodingAsString() {
        return Optional.ofNullable(encoding);
    }

    /**
     * Returns the shared schedule.
     *
     * @return the shared schedule
     */
    public Optional<OffsetDateTime> scheduled() {
        return Optional.ofNullable(scheduled);
    }

    /**
     * Returns the shared expiry.
     *
     * @return the shared expiry
     */
    public Optional<OffsetDateTime> expiry() {
        return Optional.ofNullable(expiry);
    }

    @Override
    public String toString() {
        return "SmsTemplate{text=" + Redaction.describeText(text) + ", from=" + from + ", encoding=" + encoding
                + ", scheduled=" + scheduled + '}';
    }

    /** Builds an {@link SmsTemplate}; every field is optional. */
    public static final class Builder {
        private String text;
        private String from;
        private String encoding;
        private OffsetDateTime scheduled;
        private OffsetDateTime expiry;

        private Builder() {
        }

        /**
         * Returns this builder.
         *
         * @param text the shared text
         * @return this builder
         */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /**
         * Returns this builder.
         *
         * @param from the shared sender id, sent as {@code source}
         * @return this builder
         */
        public Builder from(String from) {
            this.from = from;
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
            return encoding(encoding == null ? null
                    : SpecEnums.requireKnown("template.encoding", encoding, SmsEncoding.UNKNOWN).name());
        }

        /**
         * Sets the shared encoding by name: any casing of a value of the spec in use, including one this version of
         * the facade has no {@link SmsEncoding} constant for; checked against the spec in use when sent.
         *
         * @param encoding the shared encoding's name, or null (default: not sent)
         * @return this builder
         * @throws ValidationException when {@code encoding} is blank
         */
        public Builder encoding(String encoding) {
            this.encoding = encoding == null ? null : SpecEnums.requireName("template.encoding", encoding);
            return this;
        }

        /**
         * Returns this builder.
         *
         * @param scheduled when to send the batch
         * @return this builder
         */
        public Builder scheduled(OffsetDateTime scheduled) {
            this.scheduled = scheduled;
            return this;
        }

        /**
         * Returns this builder.
         *
         * @param expiry when to stop trying
         * @return this builder
         */
        public Builder expiry(OffsetDateTime expiry) {
            this.expiry = expiry;
            return this;
        }

        /**
         * Returns the template.
         *
         * @return the template
         * @throws ValidationException naming the malformed field
         */
        public SmsTemplate build() {
            return new SmsTemplate(this);
        }
    }
}
