package io.connect8x8.webhooks;

import io.connect8x8.internal.Redaction;
import java.math.BigDecimal;

/**
 * The content of an inbound Messaging Apps message.
 *
 * @param type      the content type in PascalCase as 8x8 sends it ({@code Text}, {@code Image}, {@code Location},
 *                  {@code Interactive}, ...), or null
 * @param text      the text, or the caption of media, or null
 * @param url       the media URL, or null
 * @param payload   the payload of a button or interactive reply, or null
 * @param latitude  the latitude of a shared location, or null
 * @param longitude the longitude of a shared location, or null
 */
public record InboundContent(
        String type, String text, String url, String payload, BigDecimal latitude, BigDecimal longitude) {

    /** Hides the text, URL, payload and location, which are the user's words and whereabouts. */
    @Override
    public String toString() {
        return "InboundContent[type=" + type + ", text=" + Redaction.describeText(text)
                + ", url=" + Redaction.describeText(url) + ", payload=" + Redaction.describeText(payload)
                + ", location=" + (latitude == null && longitude == null ? "null" : "<hidden>") + "]";
    }
}
