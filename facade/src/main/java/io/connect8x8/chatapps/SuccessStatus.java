package io.connect8x8.chatapps;

/** The state at which a channel counts as successful, so that the next fallback channel is not tried. */
public enum SuccessStatus {
    /** The channel accepted the message. */
    ACCEPTED("Accepted"),
    /** The message was sent. */
    SENT("Sent"),
    /** The message reached the device. */
    DELIVERED("Delivered"),
    /** The recipient read it. */
    READ("Read");

    private final String wireName;

    SuccessStatus(String wireName) {
        this.wireName = wireName;
    }

    /** @return the spelling on the wire, such as {@code Delivered} */
    public String wireName() {
        return wireName;
    }
}
