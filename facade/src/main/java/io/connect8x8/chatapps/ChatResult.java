package io.connect8x8.chatapps;

import io.connect8x8.Masking;
import io.connect8x8.RawJson;

/**
 * The API's answer for one chat-apps message.
 *
 * @param umid 8x8's unique message id, the key of its receipts
 * @param clientMessageId the caller's id as echoed, or null
 * @param msisdn the recipient as echoed, or null
 * @param state the state as the API spelled it: {@code queued}, {@code rejected}, or one this version does not know
 * @param timestamp the state's timestamp as written, or null
 * @param errorCode for a rejected message in a batch, 8x8's code, or null
 * @param errorMessage for a rejected message in a batch, 8x8's message, or null
 * @param raw the answer's JSON as received, with any field this version does not model
 */
public record ChatResult(String umid, String clientMessageId, String msisdn, String state, String timestamp,
                         Integer errorCode, String errorMessage, RawJson raw) {

    /**
     * Makes a result; a null {@code raw} (a result built by hand) becomes {@link RawJson#EMPTY}.
     *
     * @param umid 8x8's unique message id
     * @param clientMessageId the caller's id as echoed, or null
     * @param msisdn the recipient as echoed, or null
     * @param state the state as the API spelled it
     * @param timestamp the state's timestamp as written, or null
     * @param errorCode 8x8's code for a rejected message, or null
     * @param errorMessage 8x8's message for a rejected message, or null
     * @param raw the answer's JSON as received, or null for none
     */
    public ChatResult {
        raw = raw == null ? RawJson.EMPTY : raw;
    }

    /** {@return whether the message was queued: false only for the state {@code rejected}, in any casing} */
    public boolean accepted() {
        return state == null || !"rejected".equalsIgnoreCase(state);
    }

    /** The result, the recipient masked. */
    @Override
    public String toString() {
        return "ChatResult{umid=" + umid + ", clientMessageId=" + clientMessageId + ", msisdn="
                + Masking.maskPhone(msisdn) + ", state=" + state
                + (errorCode != null ? ", errorCode=" + errorCode + ", errorMessage=" + errorMessage : "") + '}';
    }
}
