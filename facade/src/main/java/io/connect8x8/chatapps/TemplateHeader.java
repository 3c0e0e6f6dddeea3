package io.connect8x8.chatapps;

import io.connect8x8.internal.Checks;
import io.connect8x8.internal.Redaction;
import java.util.Objects;

/**
 * The parameter of a template's header component: a text, an image, a video, a document or a location.
 * Built by the static factories; immutable.
 */
public final class TemplateHeader {

    /** WhatsApp's limit on a header text. */
    public static final int MAX_TEXT = 60;

    /** What the header holds; sent as the matching parameter {@code type} of the spec set in use. */
    public enum Kind {
        /** A text header. */
        TEXT,
        /** An image, by URL. */
        IMAGE,
        /** A video, by URL. */
        VIDEO,
        /** A document, by URL. */
        DOCUMENT,
        /** A location. */
        LOCATION
    }

    private final Kind kind;
    private final String value;
    private final Location location;

    private TemplateHeader(Kind kind, String value, Location location) {
        this.kind = kind;
        this.value = value;
        this.location = location;
    }

    /**
     * A text header.
     *
     * @param text the header's text parameter, at most 60 characters
     * @return the header
     */
    public static TemplateHeader text(String text) {
        return new TemplateHeader(Kind.TEXT, Checks.text("content.template.header.text", text, MAX_TEXT), null);
    }

    /**
     * An image header.
     *
     * @param url the image's URL
     * @return the header
     */
    public static TemplateHeader image(String url) {
        return new TemplateHeader(Kind.IMAGE, Checks.url("content.template.header.url", url), null);
    }

    /**
     * A video header.
     *
     * @param url the video's URL
     * @return the header
     */
    public static TemplateHeader video(String url) {
        return new TemplateHeader(Kind.VIDEO, Checks.url("content.template.header.url", url), null);
    }

    /**
     * A document header.
     *
     * @param url the document's URL
     * @return the header
     */
    public static TemplateHeader document(String url) {
        return new TemplateHeader(Kind.DOCUMENT, Checks.url("content.template.header.url", url), null);
    }

    /**
     * A location header.
     *
     * @param location the place
     * @return the header
     */
    public static TemplateHeader location(Location location) {
        return new TemplateHeader(Kind.LOCATION, null, Objects.requireNonNull(location, "location"));
    }

    /** {@return what the header holds} */
    public Kind kind() {
        return kind;
    }

    /** {@return the text or URL; null for a location} */
    public String value() {
        return value;
    }

    /** {@return the location; null for other kinds} */
    public Location location() {
        return location;
    }

    @Override
    public String toString() {
        return "TemplateHeader{" + kind + (kind == Kind.TEXT ? " " + Redaction.describeText(value) : "") + '}';
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TemplateHeader h && kind == h.kind && Objects.equals(value, h.value)
                && Objects.equals(location, h.location);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, value, location);
    }
}
