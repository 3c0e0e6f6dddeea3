package io.connect8x8.spring;

import io.connect8x8.webhooks.InboundMessage;
import java.util.Objects;

/**
 * Published once for every new inbound message (SMS or a chat app) the webhook endpoint receives. Listen with
 * {@code @EventListener void on(InboundMessageEvent event)}; the listener runs on the request's thread.
 *
 * @param message the message, never null
 */
public record InboundMessageEvent(InboundMessage message) {

    /**
     * Checks that the message is not null.
     *
     * @param message the message
     */
    public InboundMessageEvent {
        Objects.requireNonNull(message, "message");
    }
}
