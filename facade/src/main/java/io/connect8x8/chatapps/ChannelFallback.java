package io.connect8x8.chatapps;

import io.connect8x8.ValidationException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a message's {@code channels}: the channels are tried in order, and the next one starts after
 * {@code fallbackAfter} unless this one reached {@code successStatus}.
 *
 * @param channel the channel
 * @param fallbackAfter how long to wait before the next channel, 10 s to 24 h, or null for the API's default
 * @param successStatus the state that counts as success, or null for the API's default
 */
public record ChannelFallback(Channel channel, Duration fallbackAfter, SuccessStatus successStatus) {

    /** The shortest fallback delay the API takes. */
    public static final Duration MIN_FALLBACK_AFTER = Duration.ofSeconds(10);
    /** The longest fallback delay the API takes. */
    public static final Duration MAX_FALLBACK_AFTER = Duration.ofSeconds(86_400);

    /**
     * Makes an entry, checking the delay against what the API takes before any request is made.
     *
     * @param channel the channel
     * @param fallbackAfter how long to wait before the next channel, whole seconds from
     *     {@link #MIN_FALLBACK_AFTER} to {@link #MAX_FALLBACK_AFTER}, or null for the API's default
     * @param successStatus the state that counts as success, or null for the API's default
     * @throws NullPointerException when {@code channel} is null
     * @throws ValidationException (field {@code channels.fallbackAfter}) when the delay is out of range or not whole
     *     seconds
     */
    public ChannelFallback {
        Objects.requireNonNull(channel, "channel");
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
     * @param channel the channel
     * @return the entry
     */
    public static ChannelFallback of(Channel channel) {
        return new ChannelFallback(channel, null, null);
    }

    /**
     * A channel the next one falls back from after {@code fallbackAfter}.
     *
     * @param channel the channel
     * @param fallbackAfter 10 s to 24 h, whole seconds
     * @return the entry
     */
    public static ChannelFallback of(Channel channel, Duration fallbackAfter) {
        return new ChannelFallback(channel, fallbackAfter, null);
    }

    /**
     * Returns the delay, if set.
     *
     * @return the delay, if set
     */
    public Optional<Duration> fallbackAfterValue() {
        return Optional.ofNullable(fallbackAfter);
    }
}
