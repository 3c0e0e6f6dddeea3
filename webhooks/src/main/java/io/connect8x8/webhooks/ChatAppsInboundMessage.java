package io.connect8x8.webhooks;

import java.time.Instant;

/**
 * A message a user sent you on a Messaging Apps channel such as WhatsApp.
 *
 * @param umid        8x8's id of the inbound message, never null
 * @param subAccountId the sub-account that owns the channel, or null
 * @param timestamp   when 8x8 received it, or null
 * @param user        the sender, or null; its {@code toString()} masks the number
 * @param channel     the channel as sent ({@code whatsapp}, ...), or null
 * @param channelId   your channel's id at 8x8, or null
 * @param content     the content, never null (its fields may all be null)
 * @param replyToUmid the umid of the message this one quotes, or null
 */
public record ChatAppsInboundMessage(
        String umid,
        String subAccountId,
        Instant timestamp,
        ChatAppsUser user,
        String channel,
        String channelId,
        InboundContent content,
        String replyToUmid) implements InboundMessage {

    /**
     * Returns the user's {@code msisdn}, or null.
     *
     * @return the user's {@code msisdn}, or null
     */
    @Override
    public String senderNumber() {
        return user == null ? null : user.msisdn();
    }

    /**
     * Returns {@link WebhookEnvelope#CHAT_APPS}.
     *
     * @return {@link WebhookEnvelope#CHAT_APPS}
     */
    @Override
    public String namespace() {
        return WebhookEnvelope.CHAT_APPS;
    }
}
