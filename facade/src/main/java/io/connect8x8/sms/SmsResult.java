package io.connect8x8.sms;

import io.connect8x8.internal.Redaction;
import java.util.Optional;

/**
 * The API's answer for one SMS.
 *
 * @param umid 8x8's unique message id, the key of its delivery receipts
 * @param clientMessageId the caller's id as echoed, or null
 * @param destination the destination as the API echoed it (the live API drops the {@code +})
 * @param encoding the encoding the API used ({@code GSM7} or {@code UCS2}), as it spelled it
 * @param status {@code QUEUED} or {@code REJECTED}, or a status this version does not know, as spelled
 * @param description the status's description, or null
 */
public record SmsResult(String umid, String clientMessageId, String destination, String encoding, String status,
                        String description) {

    /** @return whether the API queued the message */
    public boolean accepted() {
        return "QUEUED".equalsIgnoreCase(status);
    }

    /** @return the caller's id, if any */
    public Optional<String> clientMessageIdValue() {
        return Optional.ofNullable(clientMessageId);
    }

    @Override
    public String toString() {
        return "SmsResult{umid=" + umid + ", clientMessageId=" + clientMessageId + ", destination="
                + Redaction.maskPhone(destination) + ", encoding=" + encoding + ", status=" + status + '}';
    }
}
