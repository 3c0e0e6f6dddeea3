package io.connect8x8.sms;

import java.util.Set;
import java.util.Map;
import java.util.LinkedHashMap;
import io.connect8x8.internal.Extras;
import io.connect8x8.ValidationException;
import io.connect8x8.internal.Checks;
import io.connect8x8.internal.Redaction;
import io.connect8x8.internal.SpecEnums;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * One SMS: the {@code SmsRequest} of the SMS API, plus the fields the live API takes beyond the guide's minimal
 * document ({@code clientMessageId}, {@code dlrCallbackUrl}, {@code country}).
 *
 * <p>Immutable; built with {@link #builder()}. Field checks run in {@link Builder#build()}; checks that need the
 * clock (a schedule in the past) or the context (a batch's template) run when it is sent, before any network I/O.
 *
 * <pre>{@code
 * Sms sms = Sms.builder().to("+6512345678").from("8x8").text("This is an SMS message.").build();
 * }</pre>
 */
public final class Sms {

    /** The wire names this type models itself: {@code extra(..)} refuses them. */
    private static final Set<String> MODELLED = Set.of("destination", "text", "source", "encoding", "scheduled", "expiry",
            "clientMessageId", "dlrCallbackUrl", "country");

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
    private final String clientMessageId;
    private final String dlrCallbackUrl;
    private final String country;
    private final OffsetDateTime scheduled;
    private final OffsetDateTime expiry;
    private final Map<String, Object> extras;

    private Sms(Builder b) {
        this.country = Checks.country("country", b.country);
        this.to = b.to == null ? null : Checks.phone("destination", b.to, country);
        this.text = b.text == null ? null : checkText("text", b.text, b.encoding);
        this.from = Checks.optionalText("source", b.from, MAX_SOURCE);
        this.encoding = b.encoding;
        this.clientMessageId = Checks.optionalText("clientMessageId", b.clientMessageId, MAX_CLIENT_MESSAGE_ID);
        this.dlrCallbackUrl = Checks.optionalUrl("dlrCallbackUrl", b.dlrCallbackUrl);
        this.scheduled = b.scheduled;
        this.expiry = b.expiry;
        this.extras = Extras.copy(b.extras);
        if (expiry != null && scheduled != null && !expiry.isAfter(scheduled)) {
            throw new ValidationException("expiry", "must be after scheduled");
        }
    }

    static String checkText(String field, String text, String encoding) {
        Checks.text(field, text, MAX_TEXT_CHARS);
        SmsParts parts = SmsParts.of(text, encoding == null ? SmsEncoding.AUTO : SmsEncoding.find(encoding));
        if (parts.truncated()) {
            throw new ValidationException(field, "needs more than " + SmsParts.MAX_PARTS + " parts ("
                    + parts.length() + " " + parts.encoding() + " units); the API would truncate it");
        }
        return text;
    }

    /**
     * A new builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this message's fields.
     *
     * @return a builder holding this message's fields
     */
    public Builder toBuilder() {
        return new Builder().to(to).text(text).from(from).encoding(encoding).clientMessageId(clientMessageId)
                .dlrCallbackUrl(dlrCallbackUrl).country(country).scheduled(scheduled).expiry(expiry).extras(extras);
    }

    /**
     * The destination in E.164 form, sent as {@code destination}; empty only in a batch's template form.
     *
     * @return the destination in E.164 form, sent as {@code destination}; empty only in a batch's template form
     */
    public Optional<String> to() {
        return Optional.ofNullable(to);
    }

    /**
     * The text, sent as {@code text}; may be empty in a batch whose template gives it.
     *
     * @return the text, sent as {@code text}; may be empty in a batch whose template gives it
     */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    /**
     * The sender id, sent as {@code source}.
     *
     * @return the sender id, sent as {@code source}
     */
    public Optional<String> from() {
        return Optional.ofNullable(from);
    }

    /**
     * The encoding, sent as {@code encoding} (the API's default is AUTO).
     *
     * @return the encoding if set: the facade's constant, or {@link SmsEncoding#UNKNOWN} for a name it has no
     *     constant for (read {@link #encodingAsString()} then)
     */
    public Optional<SmsEncoding> encoding() {
        return encodingAsString().map(SmsEncoding::find);
    }

    /**
     * The encoding as given: the name passed to {@link Builder#encoding(String)}, or the constant's name. The
     * spelling sent is the matching value of the spec in use.
     *
     * @return the encoding as given, if set
     */
    public Optional<String> encodingAsString() {
        return Optional.ofNullable(encoding);
    }

    /**
     * The caller's id for this message, echoed in the response and the receipts.
     *
     * @return the caller's id for this message, echoed in the response and the receipts
     */
    public Optional<String> clientMessageId() {
        return Optional.ofNullable(clientMessageId);
    }

    /**
     * Where the API sends this message's delivery receipts, overriding the account's webhook.
     *
     * @return where the API sends this message's delivery receipts, overriding the account's webhook
     */
    public Optional<String> dlrCallbackUrl() {
        return Optional.ofNullable(dlrCallbackUrl);
    }

    /**
     * The ISO 3166 country the national form of {@link #to()} was given in.
     *
     * @return the ISO 3166 country the national form of {@link #to()} was given in
     */
    public Optional<String> country() {
        return Optional.ofNullable(country);
    }

    /**
     * When to send, at most 7 days ahead.
     *
     * @return when to send, at most 7 days ahead
     */
    public Optional<OffsetDateTime> scheduled() {
        return Optional.ofNullable(scheduled);
    }

    /**
     * When to give up sending.
     *
     * @return when to give up sending
     */
    public Optional<OffsetDateTime> expiry() {
        return Optional.ofNullable(expiry);
    }

    /**
     * The fields set with {@link Builder#extra(String, Object)}, sent beside the modelled ones.
     *
     * @return the extra fields by wire name, in the order set
     */
    public Map<String, Object> extras() {
        return Extras.copy(extras);
    }

    /**
     * The parts the text is sent as, when the message has a text.
     *
     * @return the parts the text is sent as, when the message has a text
     */
    public Optional<SmsParts> parts() {
        return text().map(t -> SmsParts.of(t, encoding == null ? SmsEncoding.AUTO : SmsEncoding.find(encoding)));
    }

    /** Phone number masked, text replaced by its length. */
    @Override
    public String toString() {
        return "Sms{to=" + Redaction.maskPhone(to) + ", text=" + Redaction.describeText(text) + ", from=" + from
                + ", encoding=" + encoding + ", clientMessageId=" + clientMessageId + ", scheduled=" + scheduled
                + '}';
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sms s && Objects.equals(to, s.to) && Objects.equals(text, s.text)
                && Objects.equals(from, s.from) && Objects.equals(encoding, s.encoding)
                && Objects.equals(clientMessageId, s.clientMessageId)
                && Objects.equals(dlrCallbackUrl, s.dlrCallbackUrl) && Objects.equals(country, s.country)
                && Objects.equals(scheduled, s.scheduled) && Objects.equals(expiry, s.expiry)
                && extras.equals(s.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(to, text, from, encoding, clientMessageId, dlrCallbackUrl, country, scheduled, expiry,
                extras);
    }

    /** Builds an {@link Sms}. Every setting is optional until sent; {@link #build()} checks each one given. */
    public static final class Builder {
        private String to;
        private String text;
        private String from;
        private String encoding;
        private String clientMessageId;
        private String dlrCallbackUrl;
        private String country;
        private OffsetDateTime scheduled;
        private OffsetDateTime expiry;
        private final Map<String, Object> extras = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets a request field this version of the facade does not model, such as one a newer 8x8 document added.
         * It is sent as given, beside the modelled fields; setting a name again replaces the value.
         *
         * @param name the field's wire name; not one this type models (use its own method for those)
         * @param value a String, Number, Boolean, or a Gson JsonObject or JsonArray (copied)
         * @return this builder
         * @throws ValidationException for a blank or modelled name, or another type of value
         */
        public Builder extra(String name, Object value) {
            extras.put(name, Extras.check(MODELLED, name, value));
            return this;
        }

        private Builder extras(Map<String, Object> extras) {
            this.extras.putAll(extras);
            return this;
        }

        /**
         * Sets the recipient; checked and normalised to E.164 by {@link #build()}.
         *
         * @param to the recipient: E.164 ({@code +6512345678}), or national with {@link #country(String)};
         *     required for a single send, sent as {@code destination}
         * @return this builder
         */
        public Builder to(String to) {
            this.to = to;
            return this;
        }

        /**
         * Sets the message text. Longer text is sent as several parts; {@link SmsParts#of(String)} tells how many
         * before sending.
         *
         * @param text the message, at most 10 parts (1,530 GSM-7 or 670 UCS-2 units); required for a single send
         * @return this builder
         */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /**
         * Sets the sender id the recipient sees, in place of the account's.
         *
         * @param from the sender id registered with 8x8, at most 16 characters, sent as {@code source}
         *     (default: the account's)
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
            return encoding(encoding == null ? null
                    : SpecEnums.requireKnown("encoding", encoding, SmsEncoding.UNKNOWN).name());
        }

        /**
         * Sets the encoding by name: any casing of a value of the spec in use ({@code "UCS2"}, {@code "ucs2"}),
         * including one this version of the facade has no {@link SmsEncoding} constant for. Whether the spec in use
         * allows it is checked when the message is sent, before any I/O.
         *
         * @param encoding the encoding's name, or null (default: not sent, the API uses AUTO)
         * @return this builder
         * @throws ValidationException when {@code encoding} is blank
         */
        public Builder encoding(String encoding) {
            this.encoding = encoding == null ? null : SpecEnums.requireName("encoding", encoding);
            return this;
        }

        /**
         * Sets the message's own id, echoed in the answer and the receipts, to reconcile a send whose answer was lost.
         *
         * @param clientMessageId your id for the message, at most 350 characters (default: the client generates one
         *     so that an ambiguous failure can be reconciled from the receipts)
         * @return this builder
         */
        public Builder clientMessageId(String clientMessageId) {
            this.clientMessageId = clientMessageId;
            return this;
        }

        /**
         * Sends this message's delivery receipts to another URL than the account's webhook.
         *
         * @param dlrCallbackUrl the URL for this message's delivery receipts (default: the account's webhook)
         * @return this builder
         */
        public Builder dlrCallbackUrl(String dlrCallbackUrl) {
            this.dlrCallbackUrl = dlrCallbackUrl;
            return this;
        }

        /**
         * Sets the country a national number is read in; without it a number must be in E.164 form.
         *
         * @param country ISO 3166 alpha-2 country of a national {@link #to(String)}, also sent as {@code country}
         * @return this builder
         */
        public Builder country(String country) {
            this.country = country;
            return this;
        }

        /**
         * Schedules the message for later instead of sending it at once; checked when it is sent, against the client's
         * clock.
         *
         * @param scheduled when to send, not in the past and at most 7 days ahead (default: now)
         * @return this builder
         */
        public Builder scheduled(OffsetDateTime scheduled) {
            this.scheduled = scheduled;
            return this;
        }

        /**
         * Sets when delivery stops being worth trying, for a text that is useless late, such as a one-time code.
         *
         * @param expiry when to stop trying, after {@code scheduled} (default: the API's)
         * @return this builder
         */
        public Builder expiry(OffsetDateTime expiry) {
            this.expiry = expiry;
            return this;
        }

        /**
         * Builds the message, checking its fields first, so bad input fails here with the field named and not after a
         * round trip to the API.
         *
         * @return the message
         * @throws ValidationException naming the first field that is malformed
         */
        public Sms build() {
            return new Sms(this);
        }
    }
}
