package io.connect8x8.webhooks;

import io.connect8x8.RawJson;
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
     * {@code external_app_message}, with its payload as received, to read with {@link RawJson#string(String...)}:
     *
     * <pre>{@code
     * if (other.envelope().eventType().equals("short_url_clicked")) {
     *     Optional<String> umid = other.payload().string("umid");
     * }
     * }</pre>
     *
     * @param envelope the envelope
     * @param payload  the body's {@code payload} object; for a flat event ({@link WebhookEnvelope#namespace()} null,
     *                 such as WhatsApp's template and account events) the whole body, whose fields are at the top
     *                 level; {@link RawJson#EMPTY} when an enveloped event has no {@code payload} object
     */
    record Other(WebhookEnvelope envelope, RawJson payload) implements WebhookEvent {
        /**
         * Checks that the envelope is not null; a null payload becomes {@link RawJson#EMPTY}.
         *
         * @param envelope the envelope
         * @param payload  the payload
         */
        public Other {
            Objects.requireNonNull(envelope, "envelope");
            payload = payload == null ? RawJson.EMPTY : payload;
        }

        /**
         * Hides the payload, which may hold phone numbers and message text.
         *
         * @return the envelope and whether there is a payload
         */
        @Override
        public String toString() {
            return "Other[envelope=" + envelope + ", payload=" + (payload.equals(RawJson.EMPTY) ? "{}" : "<hidden>")
                    + "]";
        }
    }
}
