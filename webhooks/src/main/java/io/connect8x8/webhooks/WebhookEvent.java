package io.connect8x8.webhooks;

import java.util.Objects;

/**
 * One webhook call from 8x8, parsed: a {@link Receipt}, an {@link Inbound} message, or an {@link Other} event this
 * library does not model yet (answer it with 200 all the same, or 8x8 keeps retrying).
 */
public sealed interface WebhookEvent permits WebhookEvent.Receipt, WebhookEvent.Inbound, WebhookEvent.Other {

    /**
     * The envelope around the payload.
     *
     * @return the envelope, never null
     */
    WebhookEnvelope envelope();

    /**
     * A delivery receipt ({@code outbound_message_status_changed}).
     *
     * @param envelope the envelope
     * @param receipt  the receipt
     */
    record Receipt(WebhookEnvelope envelope, DeliveryReceipt receipt) implements WebhookEvent {
        /**
         * Checks that neither argument is null.
         *
         * @param envelope the envelope
         * @param receipt  the receipt
         */
        public Receipt {
            Objects.requireNonNull(envelope, "envelope");
            Objects.requireNonNull(receipt, "receipt");
        }
    }

    /**
     * An inbound message ({@code inbound_message_received}).
     *
     * @param envelope the envelope
     * @param message  the message
     */
    record Inbound(WebhookEnvelope envelope, InboundMessage message) implements WebhookEvent {
        /**
         * Checks that neither argument is null.
         *
         * @param envelope the envelope
         * @param message  the message
         */
        public Inbound {
            Objects.requireNonNull(envelope, "envelope");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * A well-formed event of a namespace or event type this library does not model, such as
     * {@code external_app_message}. Its payload is not parsed.
     *
     * @param envelope the envelope
     */
    record Other(WebhookEnvelope envelope) implements WebhookEvent {
        /**
         * Checks that the envelope is not null.
         *
         * @param envelope the envelope
         */
        public Other {
            Objects.requireNonNull(envelope, "envelope");
        }
    }
}
