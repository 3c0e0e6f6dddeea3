package io.connect8x8.chatapps;

import io.connect8x8.ValidationException;
import io.connect8x8.internal.SpecEnums;
import java.time.Duration;
import java.util.Objects;

/**
 * One entry of a message's {@code channels}: the channels are tried in order, and the next one starts after
 * {@code fallbackAfter} unless this one reached {@code successStatus}. Immutable.
 *
 * <p>The channel and the success status are given as a facade constant ({@link Channel#WHATSAPP}) or by name
 * ({@code "WhatsApp"}, {@code "whatsapp"}, or a channel a newer 8x8 document added, {@code "Telegram"}). Either way
 * the spelling sent is the value of the generated enum of the spec set in use that matches, ignoring case and
 * separators; a name the spec in use lacks is refused with a {@code ValidationException} on
 * {@code channels[i].channel} (or {@code .successStatus}) that lists the allowed values, before any I/O.
 */
public final class ChannelFallback {

    /** The shortest fallback delay the API takes. */
    public static final Duration MIN_FALLBACK_AFTER = Duration.ofSeconds(10);
    /** The longest fallback delay the API takes. */
    public static final Duration MAX_FALLBACK_AFTER = Duration.ofSeconds(86_400);

    private final Channel channel;
    private final String channelName;
    private final Duration fallbackAfter;
    private final SuccessStatus successStatus;
    private final String successStatusName;

    private ChannelFallback(String channelName, Duration fallbackAfter, String successStatusName) {
        this.channelName = SpecEnums.requireName("channels.channel", channelName);
        this.channel = channelByAlias(this.channelName);
        if (fallbackAfter != null && (fallbackAfter.compareTo(MIN_FALLBACK_AFTER) < 0
                || fallbackAfter.compareTo(MAX_FALLBACK_AFTER) > 0)) {
            throw new ValidationException("channels.fallbackAfter",
                    "must be 10 to 86400 seconds, was " + fallbackAfter.toSeconds());
        }
        if (fallbackAfter != null && fallbackAfter.toNanos() % 1_000_000_000L != 0) {
            throw new ValidationException("channels.fallbackAfter", "must be whole seconds");
        }
        this.fallbackAfter = fallbackAfter;
        this.successStatusName = successStatusName;
        this.successStatus = successStatusName == null ? null
                : SpecEnums.facadeConstant(SuccessStatus.class, successStatusName, SuccessStatus.UNKNOWN);
    }

    /** A facade channel by any of its names ({@code rcs} is Google RCS), or {@link Channel#UNKNOWN}. */
    private static Channel channelByAlias(String name) {
        try {
            return Channel.of(name);
        } catch (ValidationException unknown) {
            return Channel.UNKNOWN;
        }
    }

    /**
     * A channel with the API's default delay and success status.
     *
     * @param channel the channel
     * @return the entry
     * @throws ValidationException when {@code channel} is null or {@link Channel#UNKNOWN}
     */
    public static ChannelFallback of(Channel channel) {
        return of(channel, null);
    }

    /**
     * A channel the next one falls back from after {@code fallbackAfter}.
     *
     * @param channel the channel
     * @param fallbackAfter 10 s to 24 h, whole seconds, or null for the API's default
     * @return the entry
     * @throws ValidationException when {@code channel} is null or {@link Channel#UNKNOWN}, or the delay is out of
     *     range
     */
    public static ChannelFallback of(Channel channel, Duration fallbackAfter) {
        return new ChannelFallback(SpecEnums.requireKnown("channels.channel", channel, Channel.UNKNOWN).name(),
                fallbackAfter, null);
    }

    /**
     * A channel by name, with the API's default delay and success status: any casing of a value of the spec in use,
     * including one this version of the facade has no {@link Channel} constant for.
     *
     * @param channel the channel's name, such as {@code "WhatsApp"}, {@code "whatsapp"} or {@code "Telegram"}
     * @return the entry; whether the spec in use allows the name is checked when the message is sent
     * @throws ValidationException when {@code channel} is null or blank
     */
    public static ChannelFallback of(String channel) {
        return of(channel, null);
    }

    /**
     * A channel by name that the next one falls back from after {@code fallbackAfter}; see {@link #of(String)}.
     *
     * @param channel the channel's name, in any casing
     * @param fallbackAfter 10 s to 24 h, whole seconds, or null for the API's default
     * @return the entry; whether the spec in use allows the name is checked when the message is sent
     * @throws ValidationException when {@code channel} is null or blank, or the delay is out of range
     */
    public static ChannelFallback of(String channel, Duration fallbackAfter) {
        return new ChannelFallback(channel, fallbackAfter, null);
    }

    /**
     * This entry with the state at which the channel counts as successful.
     *
     * @param successStatus the state, or null for the API's default
     * @return a new entry
     * @throws ValidationException when {@code successStatus} is {@link SuccessStatus#UNKNOWN}
     */
    public ChannelFallback withSuccessStatus(SuccessStatus successStatus) {
        return new ChannelFallback(channelName, fallbackAfter, successStatus == null ? null
                : SpecEnums.requireKnown("channels.successStatus", successStatus, SuccessStatus.UNKNOWN).name());
    }

    /**
     * This entry with the state at which the channel counts as successful, by name: any casing of a value of the
     * spec in use ({@code "Delivered"}, {@code "delivered"}), including one this version of the facade has no
     * {@link SuccessStatus} constant for.
     *
     * @param successStatus the state's name, or null for the API's default
     * @return a new entry; whether the spec in use allows the name is checked when the message is sent
     * @throws ValidationException when {@code successStatus} is blank
     */
    public ChannelFallback withSuccessStatus(String successStatus) {
        return new ChannelFallback(channelName, fallbackAfter, successStatus == null ? null
                : SpecEnums.requireName("channels.successStatus", successStatus));
    }

    /** {@return the facade's constant for the channel, {@link Channel#UNKNOWN} for a name it has none for} */
    public Channel channel() {
        return channel;
    }

    /** {@return the channel's name as given; the spelling sent is the matching value of the spec in use} */
    public String channelAsString() {
        return channelName;
    }

    /** {@return the delay before the next channel, or null for the API's default} */
    public Duration fallbackAfter() {
        return fallbackAfter;
    }

    /** {@return the success state's constant, {@link SuccessStatus#UNKNOWN} for a name with none, or null} */
    public SuccessStatus successStatus() {
        return successStatus;
    }

    /** {@return the success status's name as given, or null for the API's default} */
    public String successStatusAsString() {
        return successStatusName;
    }

    /** The same facade constant, or for names without one, the same name ignoring case and separators. */
    boolean sameChannel(ChannelFallback other) {
        return channel == Channel.UNKNOWN || other.channel == Channel.UNKNOWN
                ? SpecEnums.key(channelName).equals(SpecEnums.key(other.channelName))
                : channel == other.channel;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelFallback f && channelName.equals(f.channelName)
                && Objects.equals(fallbackAfter, f.fallbackAfter)
                && Objects.equals(successStatusName, f.successStatusName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(channelName, fallbackAfter, successStatusName);
    }

    @Override
    public String toString() {
        return "ChannelFallback{" + channelName + (fallbackAfter != null ? " after " + fallbackAfter.toSeconds() + "s"
                : "") + (successStatusName != null ? " until " + successStatusName : "") + '}';
    }
}
