package io.connect8x8.sms;

import io.connect8x8.Masking;
import io.connect8x8.RawJson;

/**
 * The API's answer for one SMS.
 *
 * @param umid 8x8's unique message id, the key of its delivery receipts
 * @param clientMessageId the caller's id as echoed, or null
 * @param destination the destination as the API echoed it (the live API drops the {@code +})
 * @param encoding the encoding the API used ({@code GSM7} or {@code UCS2}), as it spelled it
 * @param status {@code QUEUED} or {@code REJECTED}, or a status this version does not know, as spelled
 * @param description the status's description, or null
 * @param raw the answer's JSON as received, with any field this version does not model
 */
public record SmsResult(String umid, String clientMessageId, String destination, String encoding, String status,
                        String description, RawJson raw) {

    /**
     * Makes a result; a null {@code raw} (a result built by hand) becomes {@link RawJson#EMPTY}.
     *
     * @param umid 8x8's unique message id
     * @param clientMessageId the caller's id as echoed, or null
     * @param destination the destination as the API echoed it
     * @param encoding the encoding the API used, as it spelled it
     * @param status the status as spelled
     * @param description the status's description, or null
     * @param raw the answer's JSON as received, or null for none
     */
    public SmsResult {
        raw = raw == null ? RawJson.EMPTY : raw;
    }

    /** {@return whether the API queued the message: the status {@code QUEUED}, in any casing} */
    public boolean accepted() {
        return "QUEUED".equalsIgnoreCase(status);
    }

    /** The result, the destination masked. */
    @Override
    public String toString() {
        return "SmsResult{umid=" + umid + ", clientMessageId=" + clientMessageId + ", destination="
                + Masking.maskPhone(destination) + ", encoding=" + encoding + ", status=" + status + '}';
    }
}
