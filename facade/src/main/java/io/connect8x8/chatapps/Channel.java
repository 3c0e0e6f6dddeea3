package io.connect8x8.chatapps;

import io.connect8x8.ValidationException;
import io.connect8x8.internal.SpecEnums;
import java.util.List;

/**
 * A messaging channel of the Messaging Apps API. The spelling on the wire is not written here: it is the value of
 * the generated {@code ChannelType} of the spec set in use that matches one of {@link #names()}, ignoring case and
 * separators ({@code WhatsApp} in both of 8x8's documents; Google RCS is {@code GoogleRCS} in the guides' and
 * {@code RCS} in the complete one).
 *
 * <p>The list is open: a channel a newer document adds is sent by name, {@code ChannelFallback.of("Telegram")},
 * checked against the spec in use when the message is sent, with no new release of the facade.
 */
public enum Channel {
    /** SMS, as a fallback channel. */
    SMS,
    /** WhatsApp. */
    WHATSAPP,
    /** Facebook Messenger. */
    FACEBOOK,
    /** Google RCS. */
    GOOGLE_RCS("RCS"),
    /** Viber. */
    VIBER,
    /** LINE. */
    LINE,
    /** WeChat. */
    WECHAT,
    /** Zalo. */
    ZALO,
    /** Instagram. */
    INSTAGRAM,
    /**
     * A channel the spec in use allows that this version of the facade has no constant for (one a newer 8x8
     * document added): {@link ChannelFallback#channel()} returns it for a channel given by name, and
     * {@link ChannelFallback#channelAsString()} gives the name. Never accepted as input; {@link #of(String)} never
     * returns it.
     */
    UNKNOWN;

    private final List<String> names;

    Channel(String... aliases) {
        this.names = aliases.length == 0 ? List.of(name()) : List.of(name(), aliases[0]);
    }

    /** {@return the names matched against the spec's values: the constant's, then any other 8x8 uses} */
    public List<String> names() {
        return names;
    }

    /**
     * Finds a channel by any of its names, ignoring case, dashes and underscores ({@code whatsapp}, {@code WhatsApp},
     * {@code google-rcs}, {@code rcs}).
     *
     * @param name the name
     * @return the channel
     * @throws ValidationException (field {@code channel}) when nothing matches
     */
    public static Channel of(String name) {
        String wanted = SpecEnums.key(name == null ? "" : name);
        for (Channel channel : values()) {
            for (String known : channel.names) {
                if (channel != UNKNOWN && SpecEnums.key(known).equals(wanted)) {
                    return channel;
                }
            }
        }
        throw new ValidationException("channel", "unknown channel '" + name + "'");
    }
}
