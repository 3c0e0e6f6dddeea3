package io.connect8x8.webhooks;

import java.util.Collection;

/**
 * Estimates the heap a remembered receipt takes: two bytes a character (the worst case of compact strings) plus
 * object headers. Generous rather than exact, so that a byte bound holds whatever the JVM's layout.
 */
final class RetainedSize {

    private static final long STRING = 56;
    private static final long OBJECT = 32;

    private RetainedSize() {
    }

    static long entry(String key, Collection<String> seen, DeliveryReceipt latest) {
        long size = 3 * OBJECT + string(key);
        for (String state : seen) {
            size += OBJECT + string(state);
        }
        return size + receipt(latest);
    }

    static long receipt(DeliveryReceipt receipt) {
        if (receipt == null) {
            return 0;
        }
        ReceiptStatus status = receipt.status();
        long size = 4 * OBJECT + string(receipt.umid()) + string(receipt.batchId()) + string(receipt.clientMessageId())
                + string(receipt.clientBatchId()) + string(receipt.subAccountId()) + string(status.state())
                + string(status.detail()) + string(status.errorMessage());
        if (receipt instanceof SmsDeliveryReceipt sms) {
            size += string(sms.source()) + string(sms.destination()) + OBJECT
                    + (sms.price() == null ? 0 : string(sms.price().currency()) + 2 * OBJECT);
        } else if (receipt instanceof ChatAppsDeliveryReceipt chat) {
            size += string(chat.channel());
            if (chat.user() != null) {
                ChatAppsUser user = chat.user();
                size += OBJECT + string(user.msisdn()) + string(user.channelUserId()) + string(user.name())
                        + string(user.username());
            }
            if (chat.whatsapp() != null) {
                size += OBJECT + string(chat.whatsapp().providerErrorCode())
                        + string(chat.whatsapp().pricingCategory());
            }
        }
        return size;
    }

    private static long string(String value) {
        return value == null ? 0 : STRING + 2L * value.length();
    }
}
