package io.connect8x8.sms;

import io.connect8x8.Masking;
import io.connect8x8.OutboundMessage;
import io.connect8x8.ValidationException;
import io.connect8x8.internal.Checks;
import io.connect8x8.internal.SpecEnums;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One SMS: the {@code SmsRequest} of the SMS API, plus the fields the live API takes beyond the guide's minimal
 * document ({@code clientMessageId}, {@code dlrCallbackUrl}, {@code country}); without a recipient, also the fields a
 * batch's messages share ({@link SmsBatch.Builder#template(Sms)}).
 *
 * <p>Immutable; field checks run in {@link Builder#build()}, checks that need the clock (a schedule in the past) or
 * the context (a batch's template) when it is sent, before any network I/O.
 *
 * <pre>{@code
 * Sms sms = Sms.builder().to("+6512345678").from("8x8").text("This is an SMS message.").build();
 * }</pre>
 */
public final class Sms extends OutboundMessage {

    private static final Set<String> MODELLED = Set.of("destination", "text", "source", "encoding", "scheduled",
            "expiry", "clientMessageId", "dlrCallbackUrl", "country");

    /** The longest {@code clientMessageId} the SMS API takes. */
    public static final int MAX_CLIENT_MESSAGE_ID = 350;
    /** The longest sender id ({@code source}) in the SMS API's schema. */
    public static final int MAX_SOURCE = 16;

    /** A generous bound on the text before parts are counted: ten UCS-2 parts hold 670 units. */
    private static final int MAX_TEXT_CHARS = 1_600;

    private final String to;
    private final String text;
    private final String from;
    private final String encoding;

    private Sms(Builder b) {
        super(b, "country", MAX_CLIENT_MESSAGE_ID);
        this.to = b.to == null ? null : Checks.phone("destination", b.to, country().orElse(null));
        this.text = b.text;
        this.encoding = b.encoding;
        if (text != null) {
            Checks.text("text", text, MAX_TEXT_CHARS);
            SmsParts parts = SmsParts.of(text, SmsEncoding.find(encoding));
            if (parts.truncated()) {
                throw new ValidationException("text", "needs more than " + SmsParts.MAX_PARTS + " parts ("
                        + parts.length() + " " + parts.encoding() + " units); the API would truncate it");
            }
        }
        this.from = Checks.optionalText("source", b.from, MAX_SOURCE);
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this message's fields} */
    public Builder toBuilder() {
        return new Builder().copy(this);
    }

    /** {@return the destination in E.164 form, sent as {@code destination}; empty only in a batch's template form} */
    public Optional<String> to() {
        return Optional.ofNullable(to);
    }

    /** {@return the text, sent as {@code text}; may be empty in a batch whose template gives it} */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    /** {@return the sender id, sent as {@code source}} */
    public Optional<String> from() {
        return Optional.ofNullable(from);
    }

    /**
     * The encoding, sent as {@code encoding} (the API's default is AUTO).
     *
     * @return the facade's constant, or {@link SmsEncoding#UNKNOWN} for a name it has no constant for (read
     *     {@link #encodingAsString()} then)
     */
    public Optional<SmsEncoding> encoding() {
        return encodingAsString().map(SmsEncoding::find);
    }

    /** {@return the encoding as given; the spelling sent is the matching value of the spec in use} */
    public Optional<String> encodingAsString() {
        return Optional.ofNullable(encoding);
    }

    /** Phone number masked, text replaced by its length. */
    @Override
    public String toString() {
        return "Sms{to=" + Masking.maskPhone(to) + ", text=" + Masking.describeText(text) + ", from=" + from
                + ", encoding=" + encoding + ", clientMessageId="
                + clientMessageId().orElse(null) + ", scheduled=" + scheduled().orElse(null) + '}';
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && o instanceof Sms s && Objects.equals(to, s.to) && Objects.equals(text, s.text)
                && Objects.equals(from, s.from) && Objects.equals(encoding, s.encoding);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), to, text);
    }

    /** Builds an {@link Sms}: every setting is optional until sent, and {@link #build()} checks each one given. */
    public static final class Builder extends OutboundMessage.Builder<Sms, Builder> {
        private String to;
        private String text;
        private String from;
        private String encoding;

        private Builder() {
            super(MODELLED);
        }

        private Builder copy(Sms sms) {
            encoding = sms.encoding;
            return shared(sms).to(sms.to).text(sms.text).from(sms.from);
        }

        /**
         * Sets the recipient, normalised to E.164 by {@link #build()}.
         *
         * @param to E.164 ({@code +6512345678}), or national with {@link #country(String)}; required but in a
         *     batch's template, sent as {@code destination}
         * @return this builder
         */
        public Builder to(String to) {
            this.to = to;
            return this;
        }

        /**
         * Sets the text; longer text is sent as several parts, which {@link SmsParts#of(String)} counts.
         *
         * @param text the message, at most 10 parts (1,530 GSM-7 or 670 UCS-2 units); required for a single send
         * @return this builder
         */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /**
         * Sets the sender id the recipient sees.
         *
         * @param from the sender id registered with 8x8, at most 16 characters, sent as {@code source} (default:
         *     the account's)
         * @return this builder
         */
        public Builder from(String from) {
            this.from = from;
            return this;
        }

        /**
         * Sets the text's encoding: UCS-2 takes any character, GSM-7 fits more than twice as much text in a part.
         *
         * @param encoding the encoding, or null (default: not sent, the API uses AUTO)
         * @return this builder
         * @throws ValidationException when {@code encoding} is {@link SmsEncoding#UNKNOWN}
         */
        public Builder encoding(SmsEncoding encoding) {
            this.encoding = encoding == null ? null
                    : SpecEnums.requireKnown("encoding", encoding, SmsEncoding.UNKNOWN).name();
            return this;
        }

        /**
         * Sets the encoding by name: any casing of a value of the spec in use ({@code "UCS2"}, {@code "ucs2"}), one
         * this version has no {@link SmsEncoding} constant for included; checked against the spec when sent.
         *
         * @param encoding the encoding's name, or null (default: not sent, the API uses AUTO)
         * @return this builder
         * @throws ValidationException when {@code encoding} is blank
         */
        public Builder encoding(String encoding) {
            this.encoding = encoding == null ? null : SpecEnums.requireName("encoding", encoding);
            return this;
        }

        @Override
        public Sms build() {
            return new Sms(this);
        }
    }
}
