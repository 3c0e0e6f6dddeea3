package io.connect8x8.campaigns;

import java.util.Objects;

/**
 * One message 8x8 rejected inside a batch it accepted (the batch answer's per-message status), so that the sender can
 * fix it and send it again: a chunk that was accepted is never sent again by a resume, its rejected messages
 * included.
 *
 * @param position the message's position in the campaign's input, from 0 (as in {@link CampaignReport#invalid()})
 * @param clientMessageId the id it was sent with
 * @param recipient its number, masked ({@code +65******78}): the report, the journal and the CLI's output never hold
 *     a whole number; {@link #position()} finds the row
 * @param errorCode 8x8's error code (Messaging Apps), or null when the answer gave none (SMS gives a description only)
 * @param reason 8x8's description of the rejection, the recipient's number in it masked; null when the answer gave
 *     none
 */
public record RejectedMessage(long position, String clientMessageId, String recipient, Integer errorCode,
                              String reason) {

    /**
     * Makes a rejected message; every message a campaign sends carries a clientMessageId.
     *
     * @param position the message's position in the input, from 0
     * @param clientMessageId the id it was sent with
     * @param recipient its number, masked; may be null
     * @param errorCode 8x8's error code, or null
     * @param reason 8x8's description, or null
     * @throws NullPointerException when {@code clientMessageId} is null
     */
    public RejectedMessage {
        Objects.requireNonNull(clientMessageId, "clientMessageId");
    }

    /**
     * Returns the one-line form the CLI prints: {@code #12 spring-12 +65******78 3003: Invalid msisdn}.
     *
     * @return the position, id, masked number, code and reason
     */
    public String describe() {
        return "#" + position + ' ' + clientMessageId + ' ' + (recipient == null ? "-" : recipient) + ' '
                + (errorCode == null ? "" : errorCode + ": ") + (reason == null ? "rejected" : reason);
    }
}
