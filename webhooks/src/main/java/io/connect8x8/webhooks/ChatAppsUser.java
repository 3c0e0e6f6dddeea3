package io.connect8x8.webhooks;

import io.connect8x8.Masking;

/**
 * The person a Messaging Apps message was sent to or came from.
 *
 * @param msisdn        the phone number in E.164 form, or null (left out on channels without numbers, such as LINE)
 * @param channelUserId the user's id in the channel (WhatsApp's business-scoped user id, or the number's digits in
 *                      older formats; LINE's user id), or null
 * @param name          the user's display name in the channel (inbound messages only), or null
 * @param username      the user's WhatsApp username (inbound messages, version 3), or null
 */
public record ChatAppsUser(String msisdn, String channelUserId, String name, String username) {

    /**
     * Masks the number and the channel user id, and hides the names.
     *
     * @return a description without the user's identity
     */
    @Override
    public String toString() {
        return "ChatAppsUser[msisdn=" + Masking.maskPhone(msisdn)
                + ", channelUserId=" + Masking.maskPhone(channelUserId)
                + ", name=" + Masking.describeText(name)
                + ", username=" + Masking.describeText(username) + "]";
    }
}
