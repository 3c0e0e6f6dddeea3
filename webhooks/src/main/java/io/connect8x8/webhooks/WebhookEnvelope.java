package io.connect8x8.webhooks;

/**
 * The fields 8x8 wraps around a webhook payload. Flat events, which carry their fields at the top level (LINE's
 * {@code inboundMessage}, WhatsApp's account and template events), have no namespace.
 *
 * @param namespace   {@link #SMS} or {@link #CHAT_APPS} (or another namespace) as sent, or null for a flat event
 * @param eventType   {@link #OUTBOUND_MESSAGE_STATUS_CHANGED}, {@link #INBOUND_MESSAGE_RECEIVED}, or a type this
 *                    library does not model yet, as sent (never null)
 * @param description the human-readable description 8x8 adds, or null
 * @param version     the payload format version ({@code 9} for the current Messaging Apps receipts, {@code 3} for
 *                    current inbound messages, {@code 1} for LINE's flat inbound messages), or null when the body has
 *                    none, as in older formats
 */
public record WebhookEnvelope(String namespace, String eventType, String description, Integer version) {

    /** The namespace of SMS API webhooks. */
    public static final String SMS = "SMS";
    /** The namespace of Messaging Apps (ChatApps) webhooks. */
    public static final String CHAT_APPS = "ChatApps";
    /** The event type of a delivery receipt. */
    public static final String OUTBOUND_MESSAGE_STATUS_CHANGED = "outbound_message_status_changed";
    /** The event type of an inbound message. */
    public static final String INBOUND_MESSAGE_RECEIVED = "inbound_message_received";
}
