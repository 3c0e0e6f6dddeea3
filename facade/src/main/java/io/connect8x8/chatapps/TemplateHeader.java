package io.connect8x8.chatapps;

import io.connect8x8.Masking;
import io.connect8x8.internal.Checks;
import io.connect8x8.internal.SpecEnums;
import java.util.Objects;

/**
 * The parameter of a template's header component: a text, an image, a video, a document or a location, made by the
 * static factories. The type is sent as the matching parameter {@code type} of the spec set in use.
 *
 * @param type the parameter's type: {@code TEXT}, {@code IMAGE}, {@code VIDEO}, {@code DOCUMENT} or
 *     {@code LOCATION}, or another the spec in use has for a URL
 * @param value the text or URL; null for a location
 * @param location the place; null for other types
 */
public record TemplateHeader(String type, String value, Location location) {

    /** WhatsApp's limit on a header text. */
    public static final int MAX_TEXT = 60;

    /**
     * Checks the header's value for its type.
     *
     * @param type the parameter's type, in any casing
     * @param value the text (at most 60 characters) or URL
     * @param location the place, for a location
     * @throws io.connect8x8.ValidationException (field {@code content.template.header.text} or {@code .url}) when
     *     the value is malformed
     */
    public TemplateHeader {
        type = SpecEnums.requireName("content.template.header.type", type);
        switch (SpecEnums.key(type)) {
            case "text" -> Checks.text("content.template.header.text", value, MAX_TEXT);
            case "location" -> Objects.requireNonNull(location, "location");
            default -> Checks.url("content.template.header.url", value);
        }
    }

    /**
     * A text header.
     *
     * @param text the header's text parameter, at most 60 characters
     * @return the header
     */
    public static TemplateHeader text(String text) {
        return new TemplateHeader("TEXT", text, null);
    }

    /**
     * An image header.
     *
     * @param url the image's URL
     * @return the header
     */
    public static TemplateHeader image(String url) {
        return new TemplateHeader("IMAGE", url, null);
    }

    /**
     * A video header.
     *
     * @param url the video's URL
     * @return the header
     */
    public static TemplateHeader video(String url) {
        return new TemplateHeader("VIDEO", url, null);
    }

    /**
     * A document header.
     *
     * @param url the document's URL
     * @return the header
     */
    public static TemplateHeader document(String url) {
        return new TemplateHeader("DOCUMENT", url, null);
    }

    /**
     * A location header.
     *
     * @param location the place
     * @return the header
     */
    public static TemplateHeader location(Location location) {
        return new TemplateHeader("LOCATION", null, location);
    }

    /** The header, a text described, not shown. */
    @Override
    public String toString() {
        return "TemplateHeader{" + type + (location == null ? " " + Masking.describeText(value) : "") + '}';
    }
}
