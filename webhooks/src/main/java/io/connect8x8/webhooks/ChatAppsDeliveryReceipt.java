package io.connect8x8.webhooks;

/**
 * A delivery receipt from the Messaging Apps (ChatApps) API, in either the older format or version 9.
 *
 * @param umid            the message id 8x8 assigned, never null
 * @param batchId         8x8's batch id, or null
 * @param clientMessageId your message id, or null
 * @param clientBatchId   your batch id, or null
 * @param subAccountId    the sending sub-account, or null
 * @param channel         the channel as sent, such as {@code whatsapp}, or null
 * @param user            the recipient, or null; its {@code toString()} masks the number
 * @param status          the reported status, never null
 * @param whatsapp        WhatsApp-specific facts (version 9 receipts), or null
 */
public record ChatAppsDeliveryReceipt(
        String umid,
        String batchId,
        String clientMessageId,
        String clientBatchId,
        String subAccountId,
        String channel,
        ChatAppsUser user,
        ReceiptStatus status,
        WhatsAppInfo whatsapp) implements DeliveryReceipt {

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
