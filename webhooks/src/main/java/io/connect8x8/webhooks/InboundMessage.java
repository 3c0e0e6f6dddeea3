package io.connect8x8.webhooks;

import java.time.Instant;

/**
 * A message a user sent you, through either API. Switch on the concrete type ({@link SmsInboundMessage},
 * {@link ChatAppsInboundMessage}) for the content.
 */
public sealed interface InboundMessage permits SmsInboundMessage, ChatAppsInboundMessage {

    /**
     * The id 8x8 assigned to the inbound message; 8x8 repeats it when it retries the webhook.
     *
     * @return the umid, never null
     */
    String umid();

    /**
     * The sub-account that received the message.
     *
     * @return the sub-account id, or null
     */
    String subAccountId();

    /**
     * When 8x8 received the message.
     *
     * @return the time, or null when 8x8 did not say
     */
    Instant timestamp();

    /**
     * The sender's phone number.
     *
     * @return the number as sent, or null (a Messaging Apps user may be known only by channel id)
     */
    String senderNumber();

    /**
     * The API the message came through.
     *
     * @return {@link WebhookEnvelope#SMS} or {@link WebhookEnvelope#CHAT_APPS}
     */
    String namespace();
}
