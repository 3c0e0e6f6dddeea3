package io.connect8x8.webhooks;

import io.connect8x8.internal.Redaction;

/**
 * The person a Messaging Apps message was sent to or came from.
 *
 * @param msisdn        the phone number in E.164 form, or null
 * @param channelUserId the user's id in the channel (for WhatsApp, usually the number without {@code +}), or null
 * @param name          the user's display name in the channel (inbound messages only), or null
 */
public record ChatAppsUser(String msisdn, String channelUserId, String name) {

    /** Masks the number and the channel user id, and hides the name. */
    @Override
    public String toString() {
        return "ChatAppsUser[msisdn=" + Redaction.maskPhone(msisdn)
                + ", channelUserId=" + Redaction.maskPhone(channelUserId)
                + ", name=" + Redaction.describeText(name) + "]";
    }
}
