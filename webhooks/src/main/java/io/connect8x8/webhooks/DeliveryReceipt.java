package io.connect8x8.webhooks;

import java.time.Instant;

/**
 * A delivery receipt from either API, so one receiver can handle both. Switch on the concrete type
 * ({@link SmsDeliveryReceipt}, {@link ChatAppsDeliveryReceipt}) for the fields only one of them has.
 */
public sealed interface DeliveryReceipt permits SmsDeliveryReceipt, ChatAppsDeliveryReceipt {

    /**
     * The message id 8x8 assigned when the message was sent.
     *
     * @return the umid, never null
     */
    String umid();

    /**
     * The batch id 8x8 assigned, when the message was sent in a batch.
     *
     * @return the batch id, or null
     */
    String batchId();

    /**
     * The id you gave the message when you sent it.
     *
     * @return your message id, or null when you gave none
     */
    String clientMessageId();

    /**
     * The id you gave the batch when you sent it.
     *
     * @return your batch id, or null
     */
    String clientBatchId();

    /**
     * The sub-account that sent the message.
     *
     * @return the sub-account id, or null
     */
    String subAccountId();

    /**
     * The reported status.
     *
     * @return the status, never null
     */
    ReceiptStatus status();

    /**
     * The API the receipt came from.
     *
     * @return {@link WebhookEnvelope#SMS} or {@link WebhookEnvelope#CHAT_APPS}
     */
    String namespace();

    /**
     * The state as 8x8 sent it, lower case.
     *
     * @return {@code status().state()}, never null
     */
    default String state() {
        return status().state();
    }

    /**
     * The state as a constant that tolerates states this library does not know.
     *
     * @return {@code status().knownState()}
     */
    default DeliveryState knownState() {
        return status().knownState();
    }

    /**
     * When the message reached this state.
     *
     * @return {@code status().timestamp()}, or null when 8x8 did not say
     */
    default Instant timestamp() {
        return status().timestamp();
    }

    /**
     * Whether no later receipt is expected for this message: the state is final for its kind of message (see
     * {@link DeliveryState#isFinal()}; an SMS also ends at delivered, having no read receipt).
     *
     * @return true for the message's last state
     */
    default boolean isFinal() {
        return knownState().isFinal();
    }
}
