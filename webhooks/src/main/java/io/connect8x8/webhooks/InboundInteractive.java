package io.connect8x8.webhooks;

import io.connect8x8.Masking;
import java.time.Instant;

/**
 * A user's reply to an interactive WhatsApp message: a button or list choice, a completed Flow, or an answer to a
 * call permission request.
 *
 * @param type             the reply type as sent: {@code button_reply}, {@code list_reply}, {@code nfmReply},
 *                         {@code callPermissionReply}, or one this library does not know; may be null
 * @param replyId          the id of the button or list row chosen, or null
 * @param replyTitle       the title of the button or list row chosen, or null
 * @param replyDescription the description of the list row chosen, or null
 * @param flowResponseJson the Flow's response ({@code nfmReply.responseJson}), a JSON document as a string, or null
 * @param callPermission   the answer to a call permission request, or null
 */
public record InboundInteractive(
        String type,
        String replyId,
        String replyTitle,
        String replyDescription,
        String flowResponseJson,
        CallPermission callPermission) {

    /**
     * Hides the titles and the Flow's response, which hold what the user chose or typed.
     *
     * @return a description without the user's content
     */
    @Override
    public String toString() {
        return "InboundInteractive[type=" + type + ", replyId=" + replyId
                + ", replyTitle=" + Masking.describeText(replyTitle)
                + ", replyDescription=" + Masking.describeText(replyDescription)
                + ", flowResponseJson=" + Masking.describeText(flowResponseJson)
                + ", callPermission=" + callPermission + "]";
    }

    /**
     * A user's answer to a WhatsApp call permission request.
     *
     * @param response  {@code accept} or {@code reject} as sent, or null
     * @param permanent whether the permission is permanent ({@code false}: it lasts 7 days), or null
     * @param expiresAt when a temporary permission ends, or null
     * @param source    where the answer came from ({@code user_action}), or null
     */
    public record CallPermission(String response, Boolean permanent, Instant expiresAt, String source) {
    }
}
