package io.connect8x8.webhooks;

import io.connect8x8.Masking;
import java.time.Instant;

/**
 * An SMS a user sent to one of your virtual numbers.
 *
 * @param umid         8x8's id of the inbound message, never null
 * @param subAccountId the sub-account that owns the virtual number, or null
 * @param timestamp    when 8x8 received it, or null
 * @param source       the sender's number, or null
 * @param destination  your virtual number, or null
 * @param body         the text, or null
 * @param encoding     {@code GSM7} or {@code UCS2} as sent, or null
 * @param smsCount     the number of SMS parts, or null
 * @param price        what was charged, or null
 */
public record SmsInboundMessage(
        String umid,
        String subAccountId,
        Instant timestamp,
        String source,
        String destination,
        String body,
        String encoding,
        Integer smsCount,
        Price price) implements InboundMessage {

    /**
     * Returns the {@link #source()}.
     *
     * @return the {@link #source()}
     */
    @Override
    public String senderNumber() {
        return source;
    }

    /**
     * Returns {@link WebhookEnvelope#SMS}.
     *
     * @return {@link WebhookEnvelope#SMS}
     */
    @Override
    public String namespace() {
        return WebhookEnvelope.SMS;
    }

    /** Masks both numbers and hides the body. */
    @Override
    public String toString() {
        return "SmsInboundMessage[umid=" + umid + ", subAccountId=" + subAccountId + ", timestamp=" + timestamp
                + ", source=" + Masking.maskPhone(source) + ", destination=" + Masking.maskPhone(destination)
                + ", body=" + Masking.describeText(body) + ", encoding=" + encoding + ", smsCount=" + smsCount
                + ", price=" + price + "]";
    }
}
