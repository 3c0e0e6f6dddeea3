package io.connect8x8.webhooks;

import io.connect8x8.Masking;

/**
 * A delivery receipt from the SMS API.
 *
 * @param umid            the message id 8x8 assigned, never null
 * @param batchId         8x8's batch id, or null
 * @param clientMessageId your message id, or null
 * @param clientBatchId   your batch id, or null
 * @param subAccountId    the sending sub-account, or null
 * @param source          the sender id the message went out with, or null
 * @param destination     the number the message went to, or null
 * @param status          the reported status, never null
 * @param price           what was charged, or null when nothing was
 * @param smsCount        the number of SMS parts, or null
 */
public record SmsDeliveryReceipt(
        String umid,
        String batchId,
        String clientMessageId,
        String clientBatchId,
        String subAccountId,
        String source,
        String destination,
        ReceiptStatus status,
        Price price,
        Integer smsCount) implements DeliveryReceipt {

    /**
     * Returns {@link WebhookEnvelope#SMS}.
     *
     * @return {@link WebhookEnvelope#SMS}
     */
    @Override
    public String namespace() {
        return WebhookEnvelope.SMS;
    }

    /** Masks the source and the destination. */
    @Override
    public String toString() {
        return "SmsDeliveryReceipt[umid=" + umid + ", batchId=" + batchId + ", clientMessageId=" + clientMessageId
                + ", clientBatchId=" + clientBatchId + ", subAccountId=" + subAccountId
                + ", source=" + Masking.maskPhone(source) + ", destination=" + Masking.maskPhone(destination)
                + ", status=" + status + ", price=" + price + ", smsCount=" + smsCount + "]";
    }

    /** An SMS has no read receipt: delivered is its last state too. */
    @Override
    public boolean isFinal() {
        return knownState().isFinal() || knownState() == DeliveryState.DELIVERED;
    }
}
