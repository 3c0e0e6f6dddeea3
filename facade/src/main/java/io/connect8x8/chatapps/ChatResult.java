package io.connect8x8.chatapps;

import io.connect8x8.internal.Redaction;

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
 */
public record ChatResult(String umid, String clientMessageId, String msisdn, String state, String timestamp,
                         Integer errorCode, String errorMessage) {

    /** @return whether the message was queued (not rejected) */
    public boolean accepted() {
        return state == null || !"rejected".equalsIgnoreCase(state);
    }

    @Override
    public String toString() {
        return "ChatResult{umid=" + umid + ", clientMessageId=" + clientMessageId + ", msisdn="
                + Redaction.maskPhone(msisdn) + ", state=" + state
                + (errorCode != null ? ", errorCode=" + errorCode + ", errorMessage=" + errorMessage : "") + '}';
    }
}
