package io.connect8x8.chatapps;

import java.util.Set;
import java.util.Map;
import java.util.LinkedHashMap;
import io.connect8x8.internal.Extras;
import io.connect8x8.ValidationException;
import io.connect8x8.internal.Checks;
import io.connect8x8.internal.Redaction;
import io.connect8x8.internal.SpecEnums;
import io.connect8x8.sms.SmsEncoding;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Messaging Apps message (WhatsApp and the other chat apps): the recipient, the content, and optionally the
 * channels to try in order with their fallback, an SMS fallback text, a schedule and a receipt URL.
 *
 * <pre>{@code
 * ChatMessage otp = ChatMessage.builder()
 *     .to("+6512345678")
 *     .template(Template.authentication("your_authentication_template_name", "en_US", "123456"))
 *     .build();
 * }</pre>
 */
public final class ChatMessage {

    /** The wire names this type models itself: {@code extra(..)} refuses them. */
    private static final Set<String> MODELLED = Set.of("user", "clientMessageId", "type", "content", "scheduled", "expiry",
            "dlrCallbackUrl", "channels");

    /** The longest {@code clientMessageId} the Messaging Apps API takes. */
    public static final int MAX_CLIENT_MESSAGE_ID = 50;

    private final String to;
    private final String country;
    private final ChatContent content;
    private final List<ChannelFallback> channels;
    private final String fallbackText;
    private final String smsEncoding;
    private final String smsSource;
    private final OffsetDateTime scheduled;
    private final OffsetDateTime expiry;
    private final String dlrCallbackUrl;
    private final String clientMessageId;
    private final Map<String, Object> extras;

    private ChatMessage(Builder b) {
        this.country = Checks.country("user.country", b.country);
        this.to = Checks.phone("user.msisdn", b.to, country);
        if (b.content == null) {
            throw new ValidationException("content", "is required: set text, a media URL, a location or a template");
        }
        this.content = b.content;
        this.channels = List.copyOf(b.channels);
        this.fallbackText = Checks.optionalText("content.fallbackText", b.fallbackText, ChatContent.MAX_TEXT);
        this.smsEncoding = b.smsEncoding;
        this.smsSource = Checks.optionalText("content.sms.source", b.smsSource, 16);
        this.scheduled = b.scheduled;
        this.expiry = b.expiry;
        this.dlrCallbackUrl = Checks.optionalUrl("dlrCallbackUrl", b.dlrCallbackUrl);
        this.clientMessageId = Checks.optionalText("clientMessageId", b.clientMessageId, MAX_CLIENT_MESSAGE_ID);
        this.extras = Extras.copy(b.extras);
        if (expiry != null && scheduled != null && !expiry.isAfter(scheduled)) {
            throw new ValidationException("expiry", "must be after scheduled");
        }
        for (int i = 0; i < channels.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (channels.get(j).sameChannel(channels.get(i))) {
                    throw new ValidationException("channels[" + i + "].channel",
                            channels.get(i).channelAsString() + " is listed twice");
                }
            }
        }
        boolean smsChannel = channels.stream().anyMatch(c -> c.channel() == Channel.SMS);
        if ((fallbackText != null || smsEncoding != null || smsSource != null) && !smsChannel) {
            throw new ValidationException("channels", "an SMS fallback text or settings need SMS in channels");
        }
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
        Builder b = new Builder().to(to).country(country).content(content).fallbackText(fallbackText)
                .smsFallback(smsEncoding, smsSource).scheduled(scheduled).expiry(expiry)
                .dlrCallbackUrl(dlrCallbackUrl).clientMessageId(clientMessageId).extras(extras);
        channels.forEach(b::addChannel);
        return b;
    }

    /**
     * The recipient in E.164 form, sent as {@code user.msisdn}.
     *
     * @return the recipient in E.164 form, sent as {@code user.msisdn}
     */
    public String to() {
        return to;
    }

    /**
     * The ISO country sent as {@code user.country}.
     *
     * @return the ISO country sent as {@code user.country}
     */
    public Optional<String> country() {
        return Optional.ofNullable(country);
    }

    /**
     * The content.
     *
     * @return the content
     */
    public ChatContent content() {
        return content;
    }

    /**
     * The channels to try, in order; empty for the account's default.
     *
     * @return the channels to try, in order; empty for the account's default
     */
    public List<ChannelFallback> channels() {
        return channels;
    }

    /**
     * The SMS fallback's text.
     *
     * @return the SMS fallback's text
     */
    public Optional<String> fallbackText() {
        return Optional.ofNullable(fallbackText);
    }

    /**
     * The SMS fallback's encoding.
     *
     * @return the SMS fallback's encoding if set: the facade's constant, or {@link SmsEncoding#UNKNOWN} for a name it
     *     has no constant for (read {@link #smsEncodingAsString()} then)
     */
    public Optional<SmsEncoding> smsEncoding() {
        return smsEncodingAsString().map(SmsEncoding::find);
    }

    /**
     * The SMS fallback's encoding as given: the name passed to {@link Builder#smsFallback(String, String)}, or the
     * constant's name. The spelling sent is the matching value of the spec in use.
     *
     * @return the SMS fallback's encoding as given, if set
     */
    public Optional<String> smsEncodingAsString() {
        return Optional.ofNullable(smsEncoding);
    }

    /**
     * The SMS fallback's sender id.
     *
     * @return the SMS fallback's sender id
     */
    public Optional<String> smsSource() {
        return Optional.ofNullable(smsSource);
    }

    /**
     * When to send.
     *
     * @return when to send
     */
    public Optional<OffsetDateTime> scheduled() {
        return Optional.ofNullable(scheduled);
    }

    /**
     * When to stop trying.
     *
     * @return when to stop trying
     */
    public Optional<OffsetDateTime> expiry() {
        return Optional.ofNullable(expiry);
    }

    /**
     * The URL for this message's receipts.
     *
     * @return the URL for this message's receipts
     */
    public Optional<String> dlrCallbackUrl() {
        return Optional.ofNullable(dlrCallbackUrl);
    }

    /**
     * The caller's id for the message.
     *
     * @return the caller's id for the message
     */
    public Optional<String> clientMessageId() {
        return Optional.ofNullable(clientMessageId);
    }

    /** Phone number masked, text omitted. */
    /**
     * The fields set with {@link Builder#extra(String, Object)}, sent beside the modelled ones.
     *
     * @return the extra fields by wire name, in the order set
     */
    public Map<String, Object> extras() {
        return Extras.copy(extras);
    }

    @Override
    public String toString() {
        return "ChatMessage{to=" + Redaction.maskPhone(to) + ", content=" + content + ", channels=" + channels.size()
                + ", clientMessageId=" + clientMessageId + '}';
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChatMessage m && to.equals(m.to) && Objects.equals(country, m.country)
                && content.equals(m.content) && channels.equals(m.channels)
                && Objects.equals(fallbackText, m.fallbackText) && Objects.equals(smsEncoding, m.smsEncoding)
                && Objects.equals(smsSource, m.smsSource) && Objects.equals(scheduled, m.scheduled)
                && Objects.equals(expiry, m.expiry) && Objects.equals(dlrCallbackUrl, m.dlrCallbackUrl)
                && Objects.equals(clientMessageId, m.clientMessageId) && extras.equals(m.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(to, content, clientMessageId);
    }

    /** Builds a {@link ChatMessage}: {@code to} and one content are required. */
    public static final class Builder {
        private String to;
        private String country;
        private ChatContent content;
        private final List<ChannelFallback> channels = new ArrayList<>();
        private String fallbackText;
        private String smsEncoding;
        private String smsSource;
        private OffsetDateTime scheduled;
        private OffsetDateTime expiry;
        private String dlrCallbackUrl;
        private String clientMessageId;
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
         * @param to the recipient, E.164 ({@code +6512345678}) or national with {@link #country(String)}; sent as
         *     {@code user.msisdn}
         * @return this builder
         */
        public Builder to(String to) {
            this.to = to;
            return this;
        }

        /**
         * ISO 3166 alpha-2 country, sent as {@code user.country}.
         *
         * @param country ISO 3166 alpha-2 country, sent as {@code user.country}
         * @return this builder
         */
        public Builder country(String country) {
            this.country = country;
            return this;
        }

        /**
         * The content; replaces any set before.
         *
         * @param content the content; replaces any set before
         * @return this builder
         */
        public Builder content(ChatContent content) {
            this.content = content;
            return this;
        }

        /**
         * A text message.
         *
         * @param text a text message
         * @return this builder
         */
        public Builder text(String text) {
            return content(ChatContent.text(text));
        }

        /**
         * An image's URL.
         *
         * @param url an image's URL
         * @param caption a caption, or null
         * @return this builder
         */
        public Builder image(String url, String caption) {
            return content(ChatContent.image(url, caption));
        }

        /**
         * A video's URL.
         *
         * @param url a video's URL
         * @param caption a caption, or null
         * @return this builder
         */
        public Builder video(String url, String caption) {
            return content(ChatContent.video(url, caption));
        }

        /**
         * An audio file's URL.
         *
         * @param url an audio file's URL
         * @return this builder
         */
        public Builder audio(String url) {
            return content(ChatContent.audio(url));
        }

        /**
         * A document's URL.
         *
         * @param url a document's URL
         * @param caption a caption, or null
         * @return this builder
         */
        public Builder file(String url, String caption) {
            return content(ChatContent.file(url, caption));
        }

        /**
         * A location.
         *
         * @param location a location
         * @return this builder
         */
        public Builder location(Location location) {
            return content(ChatContent.location(location));
        }

        /**
         * A template with its parameters.
         *
         * @param template a template with its parameters
         * @return this builder
         */
        public Builder template(Template template) {
            return content(ChatContent.template(template));
        }

        /**
         * Adds a channel to try, after those added before: a message that does not reach the recipient on one channel
         * in time is sent on the next.
         *
         * @param channel the next channel to try, in order (default: the account's channel routing)
         * @return this builder
         */
        public Builder addChannel(ChannelFallback channel) {
            channels.add(Objects.requireNonNull(channel, "channel"));
            return this;
        }

        /**
         * Sets the text an SMS fallback sends: rich content such as a template or an image has no SMS form.
         *
         * @param fallbackText the text an SMS fallback sends instead of the content (needs SMS in the channels)
         * @return this builder
         */
        public Builder fallbackText(String fallbackText) {
            this.fallbackText = fallbackText;
            return this;
        }

        /**
         * Sets how an SMS fallback is sent: its encoding and sender id; null leaves either to the API. The fallback
         * needs SMS in the channels.
         *
         * @param encoding the SMS fallback's encoding, or null
         * @param source the SMS fallback's sender id, or null
         * @return this builder
         * @throws ValidationException when {@code encoding} is {@link SmsEncoding#UNKNOWN}
         */
        public Builder smsFallback(SmsEncoding encoding, String source) {
            return smsFallback(encoding == null ? null
                    : SpecEnums.requireKnown("content.sms.encoding", encoding, SmsEncoding.UNKNOWN).name(), source);
        }

        /**
         * Sets the SMS fallback's settings with the encoding by name: any casing of a value of the spec in use
         * ({@code "UCS2"}, {@code "ucs2"}), including one this version of the facade has no {@link SmsEncoding}
         * constant for. Whether the spec in use allows it is checked when the message is sent.
         *
         * @param encoding the SMS fallback's encoding by name, or null
         * @param source the SMS fallback's sender id, or null
         * @return this builder
         * @throws ValidationException when {@code encoding} is blank
         */
        public Builder smsFallback(String encoding, String source) {
            this.smsEncoding = encoding == null ? null : SpecEnums.requireName("content.sms.encoding", encoding);
            this.smsSource = source;
            return this;
        }

        /**
         * When to send, at most 7 days ahead (default: now).
         *
         * @param scheduled when to send, at most 7 days ahead (default: now)
         * @return this builder
         */
        public Builder scheduled(OffsetDateTime scheduled) {
            this.scheduled = scheduled;
            return this;
        }

        /**
         * When to stop trying, after scheduled.
         *
         * @param expiry when to stop trying, after scheduled
         * @return this builder
         */
        public Builder expiry(OffsetDateTime expiry) {
            this.expiry = expiry;
            return this;
        }

        /**
         * Where to send this message's receipts.
         *
         * @param dlrCallbackUrl where to send this message's receipts
         * @return this builder
         */
        public Builder dlrCallbackUrl(String dlrCallbackUrl) {
            this.dlrCallbackUrl = dlrCallbackUrl;
            return this;
        }

        /**
         * Sets the message's own id, echoed in the answer and the receipts, to reconcile a send whose answer was lost.
         *
         * @param clientMessageId your id, at most 50 characters (default: the client generates one)
         * @return this builder
         */
        public Builder clientMessageId(String clientMessageId) {
            this.clientMessageId = clientMessageId;
            return this;
        }

        /**
         * The message.
         *
         * @return the message
         * @throws ValidationException naming the first malformed field
         */
        public ChatMessage build() {
            return new ChatMessage(this);
        }
    }
}
