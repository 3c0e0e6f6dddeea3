package io.connect8x8.webhooks;

import io.connect8x8.Masking;
import java.math.BigDecimal;

/**
 * The content of an inbound Messaging Apps message.
 *
 * @param type            the content type in PascalCase as 8x8 sends it ({@code Text}, {@code Image},
 *                        {@code Location}, {@code Interactive}, ...), or null
 * @param text            the text, or the caption of media, or null
 * @param url             the media URL, or null
 * @param payload         the payload of a button or interactive reply, or null
 * @param latitude        the latitude of a shared location, or null
 * @param longitude       the longitude of a shared location, or null
 * @param locationName    the name of a shared location (LINE sends one), or null
 * @param locationAddress the address of a shared location (LINE sends one), or null
 * @param interactive     the reply to an interactive message (type {@code Interactive}), or null
 */
public record InboundContent(
        String type,
        String text,
        String url,
        String payload,
        BigDecimal latitude,
        BigDecimal longitude,
        String locationName,
        String locationAddress,
        InboundInteractive interactive) {

    /**
     * Hides the text, URL, payload, location and interactive reply, which are the user's words and whereabouts.
     *
     * @return a description without the user's content
     */
    @Override
    public String toString() {
        boolean located = latitude != null || longitude != null || locationName != null || locationAddress != null;
        return "InboundContent[type=" + type + ", text=" + Masking.describeText(text)
                + ", url=" + Masking.describeText(url) + ", payload=" + Masking.describeText(payload)
                + ", location=" + (located ? "<hidden>" : "null")
                + ", interactive=" + interactive + "]";
    }
}
