package io.connect8x8.spring;

import io.connect8x8.webhooks.WebhookEvent;
import java.util.Objects;

/**
 * Published for every well-formed webhook of a kind the library does not model (WhatsApp template and account
 * events, {@code external_app_message}, short URL clicks, ...), without deduplication.
 *
 * @param event the event, never null
 */
public record OtherWebhookEvent(WebhookEvent.Other event) {

    /**
     * Checks that the event is not null.
     *
     * @param event the event
     */
    public OtherWebhookEvent {
        Objects.requireNonNull(event, "event");
    }
}
