package io.connect8x8.chatapps;

import io.connect8x8.Masking;
import io.connect8x8.OutboundMessage;
import io.connect8x8.ValidationException;
import io.connect8x8.internal.Checks;
import io.connect8x8.internal.SpecEnums;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
public final class ChatMessage extends OutboundMessage {

    private static final Set<String> MODELLED = Set.of("user", "clientMessageId", "type", "content", "scheduled",
            "expiry", "dlrCallbackUrl", "channels");

    /** The longest {@code clientMessageId} the Messaging Apps API takes. */
    public static final int MAX_CLIENT_MESSAGE_ID = 50;

    private final String to;
    private final ChatContent content;
    private final List<ChannelFallback> channels;
    private final String fallbackText;
    private final String smsEncoding;
    private final String smsSource;

    private ChatMessage(Builder b) {
        super(b, "user.country", MAX_CLIENT_MESSAGE_ID);
        this.to = Checks.phone("user.msisdn", b.to, country().orElse(null));
        if (b.content == null) {
            throw new ValidationException("content", "is required: set text, a media URL, a location or a template");
        }
        this.content = b.content;
        this.channels = List.copyOf(b.channels);
        this.fallbackText = Checks.optionalText("content.fallbackText", b.fallbackText, ChatContent.MAX_TEXT);
        this.smsEncoding = b.smsEncoding;
        this.smsSource = Checks.optionalText("content.sms.source", b.smsSource, 16);
        for (int i = 0; i < channels.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (channels.get(j).key().equals(channels.get(i).key())) {
                    throw new ValidationException("channels[" + i + "].channel",
                            channels.get(i).channel() + " is listed twice");
                }
            }
        }
        boolean smsChannel = channels.stream().anyMatch(c -> c.key().equals("sms"));
        if ((fallbackText != null || smsEncoding != null || smsSource != null) && !smsChannel) {
            throw new ValidationException("channels", "an SMS fallback text or settings need SMS in channels");
        }
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this message's fields} */
    public Builder toBuilder() {
        return new Builder().copy(this);
    }

    /** {@return the recipient in E.164 form, sent as {@code user.msisdn}} */
    public String to() {
        return to;
    }

    /** {@return the content} */
    public ChatContent content() {
        return content;
    }

    /** {@return the channels to try, in order; empty for the account's default} */
    public List<ChannelFallback> channels() {
        return channels;
    }

    /** {@return the SMS fallback's text} */
    public Optional<String> fallbackText() {
        return Optional.ofNullable(fallbackText);
    }

    /** {@return the SMS fallback's encoding as given; the spelling sent is the spec's} */
    public Optional<String> smsEncoding() {
        return Optional.ofNullable(smsEncoding);
    }

    /** {@return the SMS fallback's sender id} */
    public Optional<String> smsSource() {
        return Optional.ofNullable(smsSource);
    }

    /** Phone number masked, text omitted. */
    @Override
    public String toString() {
        return "ChatMessage{to=" + Masking.maskPhone(to) + ", content=" + content + ", channels=" + channels.size()
                + ", clientMessageId=" + clientMessageId().orElse(null) + '}';
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && o instanceof ChatMessage m && to.equals(m.to) && content.equals(m.content)
                && channels.equals(m.channels) && Objects.equals(fallbackText, m.fallbackText)
                && Objects.equals(smsEncoding, m.smsEncoding) && Objects.equals(smsSource, m.smsSource);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), to, content);
    }

    /** Builds a {@link ChatMessage}: {@code to} and one content are required. */
    public static final class Builder extends OutboundMessage.Builder<ChatMessage, Builder> {
        private String to;
        private ChatContent content;
        private final List<ChannelFallback> channels = new ArrayList<>();
        private String fallbackText;
        private String smsEncoding;
        private String smsSource;

        private Builder() {
            super(MODELLED);
        }

        private Builder copy(ChatMessage message) {
            message.channels.forEach(this::addChannel);
            return shared(message).to(message.to).content(message.content).fallbackText(message.fallbackText)
                    .smsFallback(message.smsEncoding, message.smsSource);
        }

        /**
         * Sets the recipient, normalised to E.164 by {@link #build()}.
         *
         * @param to E.164 ({@code +6512345678}) or national with {@link #country(String)}; sent as
         *     {@code user.msisdn}
         * @return this builder
         */
        public Builder to(String to) {
            this.to = to;
            return this;
        }

        /**
         * Sets the content, replacing any set before: media, a location, interactive content or another type.
         *
         * @param content the content
         * @return this builder
         */
        public Builder content(ChatContent content) {
            this.content = content;
            return this;
        }

        /**
         * Sets a text message.
         *
         * @param text the text, at most 35,000 characters
         * @return this builder
         */
        public Builder text(String text) {
            return content(new ChatContent("TEXT", text, null, null, null, null));
        }

        /**
         * Sets a template with its parameters.
         *
         * @param template the template
         * @return this builder
         */
        public Builder template(Template template) {
            return content(new ChatContent("TEMPLATE", null, null, null, template, null));
        }

        /**
         * Adds a channel to try after those added before: a message that does not reach the recipient on one
         * channel in time is sent on the next.
         *
         * @param channel the next channel to try (default: the account's channel routing)
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
         * Sets the SMS fallback's encoding and sender id; null leaves either to the API (needs SMS in the channels).
         * The encoding is any casing of a value of the spec in use, such as {@code "GSM7"} or {@code "ucs2"},
         * checked against the spec when sent.
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

        @Override
        public ChatMessage build() {
            return new ChatMessage(this);
        }
    }
}
