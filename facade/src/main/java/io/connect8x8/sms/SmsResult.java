package io.connect8x8.sms;

import io.connect8x8.RawJson;
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
 * @param raw the answer's JSON as received, with any field this version does not model
 */
public record SmsResult(String umid, String clientMessageId, String destination, String encoding, String status,
                        String description, RawJson raw) {

    /**
     * A result without raw JSON: for results built by hand (tests, fakes).
     *
     * @param umid 8x8's unique message id
     * @param clientMessageId the caller's id, or null
     * @param destination the destination as echoed
     * @param encoding the encoding as spelled
     * @param status the status code as spelled
     * @param description the status's description, or null
     */
    public SmsResult(String umid, String clientMessageId, String destination, String encoding, String status,
                     String description) {
        this(umid, clientMessageId, destination, encoding, status, description, RawJson.EMPTY);
    }

    /**
     * Makes a result; a null {@code raw} becomes {@link RawJson#EMPTY}, so readers never check for null.
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

    /**
     * Whether the API queued the message.
     *
     * @return true for the status {@code QUEUED}, in any casing
     */
    public boolean accepted() {
        return "QUEUED".equalsIgnoreCase(status);
    }

    /**
     * The caller's id.
     *
     * @return the id, if the answer echoed one
     */
    public Optional<String> clientMessageIdValue() {
        return Optional.ofNullable(clientMessageId);
    }

    /**
     * The result, the destination masked.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "SmsResult{umid=" + umid + ", clientMessageId=" + clientMessageId + ", destination="
                + Redaction.maskPhone(destination) + ", encoding=" + encoding + ", status=" + status + '}';
    }
}
