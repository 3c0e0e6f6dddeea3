package io.connect8x8.chatapps;

import io.connect8x8.ValidationException;

/** A messaging channel of the Messaging Apps API, with the spelling the API uses on the wire. */
public enum Channel {
    /** SMS, as a fallback channel. */
    SMS("SMS"),
    /** WhatsApp. */
    WHATSAPP("WhatsApp"),
    /** Facebook Messenger. */
    FACEBOOK("Facebook"),
    /** Google RCS. */
    GOOGLE_RCS("GoogleRCS"),
    /** Viber. */
    VIBER("Viber"),
    /** LINE. */
    LINE("Line"),
    /** WeChat. */
    WECHAT("WeChat"),
    /** Zalo. */
    ZALO("Zalo"),
    /** Instagram. */
    INSTAGRAM("Instagram");

    private final String wireName;

    Channel(String wireName) {
        this.wireName = wireName;
    }

    /** @return the spelling on the wire, such as {@code WhatsApp} */
    public String wireName() {
        return wireName;
    }

    /**
     * Finds a channel by its wire name or enum name, ignoring case, dashes and underscores
     * ({@code whatsapp}, {@code WhatsApp}, {@code google-rcs}).
     *
     * @param name the name
     * @return the channel
     * @throws ValidationException (field {@code channel}) when nothing matches
     */
    public static Channel of(String name) {
        String wanted = name == null ? "" : name.replace("-", "").replace("_", "");
        for (Channel channel : values()) {
            if (channel.wireName.equalsIgnoreCase(wanted) || channel.name().replace("_", "").equalsIgnoreCase(wanted)) {
                return channel;
            }
        }
        throw new ValidationException("channel", "unknown channel '" + name + "'");
    }
}
