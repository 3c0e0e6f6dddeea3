package io.connect8x8.chatapps;

import io.connect8x8.ValidationException;
import io.connect8x8.internal.ChatKinds;
import io.connect8x8.internal.SpecEnums;
import java.time.Duration;

/**
 * One entry of a message's {@code channels}: the channels are tried in order, and the next one starts after
 * {@code fallbackAfter} unless this one reached {@code successStatus}. Both are given by name, in any casing
 * ({@code "WhatsApp"}, {@code "whatsapp"}, or {@code "Telegram"} once a document adds it) and sent as the matching
 * value of the generated {@code ChannelType} or {@code SuccessStatus} of the spec set in use (Google RCS is
 * {@code GoogleRCS} in the guides' document, {@code RCS} in the complete one; either name finds either). A name the
 * spec in use lacks is refused on {@code channels[i].channel} (or {@code .successStatus}) before any I/O.
 *
 * @param channel the channel's name as given, such as {@code "WhatsApp"}
 * @param fallbackAfter the delay before the next channel, 10 s to 24 h in whole seconds, or null for the API's
 *     default
 * @param successStatus the state's name as given, or null for the API's default
 */
public record ChannelFallback(String channel, Duration fallbackAfter, String successStatus) {

    /** The shortest fallback delay the API takes. */
    public static final Duration MIN_FALLBACK_AFTER = Duration.ofSeconds(10);
    /** The longest fallback delay the API takes. */
    public static final Duration MAX_FALLBACK_AFTER = Duration.ofSeconds(86_400);

    /**
     * Checks the entry; the names are checked against the spec in use when the message is sent.
     *
     * @param channel the channel's name, in any casing
     * @param fallbackAfter 10 s to 24 h, whole seconds, or null
     * @param successStatus the state's name, in any casing, or null
     * @throws ValidationException when the channel is null or blank, the status blank, or the delay out of range
     */
    public ChannelFallback {
        channel = SpecEnums.requireName("channels.channel", channel);
        successStatus = successStatus == null ? null : SpecEnums.requireName("channels.successStatus", successStatus);
        if (fallbackAfter != null && (fallbackAfter.compareTo(MIN_FALLBACK_AFTER) < 0
                || fallbackAfter.compareTo(MAX_FALLBACK_AFTER) > 0)) {
            throw new ValidationException("channels.fallbackAfter",
                    "must be 10 to 86400 seconds, was " + fallbackAfter.toSeconds());
        }
        if (fallbackAfter != null && fallbackAfter.toNanos() % 1_000_000_000L != 0) {
            throw new ValidationException("channels.fallbackAfter", "must be whole seconds");
        }
    }

    /**
     * A channel with the API's default delay and success status.
     *
     * @param channel the channel's name, such as {@code "WhatsApp"}, {@code "whatsapp"} or {@code "Telegram"}
     * @return the entry
     * @throws ValidationException when {@code channel} is null or blank
     */
    public static ChannelFallback of(String channel) {
        return new ChannelFallback(channel, null, null);
    }

    /**
     * This entry with the delay after which the next channel is tried.
     *
     * @param delay 10 s to 24 h, whole seconds, or null for the API's default
     * @return a new entry
     * @throws ValidationException when the delay is out of range
     */
    public ChannelFallback after(Duration delay) {
        return new ChannelFallback(channel, delay, successStatus);
    }

    /**
     * This entry with the state at which the channel counts as successful, by name: any casing of a value of the
     * spec in use, such as {@code "Delivered"} or {@code "read"}.
     *
     * @param status the state's name, or null for the API's default
     * @return a new entry
     * @throws ValidationException when {@code status} is blank
     */
    public ChannelFallback withSuccessStatus(String status) {
        return new ChannelFallback(channel, fallbackAfter, status);
    }

    /** The channel's name for comparing: letters and digits in lower case, either name of Google RCS as one. */
    String key() {
        return ChatKinds.channelKey(channel);
    }
}
