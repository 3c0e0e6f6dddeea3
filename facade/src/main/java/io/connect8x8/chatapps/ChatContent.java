package io.connect8x8.chatapps;

import com.google.gson.JsonObject;
import io.connect8x8.ValidationException;
import io.connect8x8.internal.Checks;
import io.connect8x8.internal.Redaction;
import java.util.Objects;
import java.util.Optional;

/**
 * What a chat-apps message carries: a text, a media file by URL (image, audio, video or file, with an optional
 * caption), a location, a template, or interactive content passed through as JSON. Built by the static factories;
 * immutable.
 */
public final class ChatContent {

    /** The API's limit on {@code content.text} (captions included) and {@code fallbackText}. */
    public static final int MAX_TEXT = 35_000;

    /**
     * The content's type. Sent as the matching value of the generated {@code ContentType} of the spec set in use,
     * whatever its casing ({@code Template} in the guides' document, {@code template} in 8x8's complete one); a type
     * the spec in use lacks is refused before sending.
     */
    public enum Kind {
        /** Plain text. */
        TEXT,
        /** An image by URL. */
        IMAGE,
        /** An audio file by URL. */
        AUDIO,
        /** A video by URL. */
        VIDEO,
        /** A document by URL. */
        FILE,
        /** A location. */
        LOCATION,
        /** An approved template. */
        TEMPLATE,
        /**
         * Interactive content (buttons, lists), passed through as given. The guides' document has no such content
         * type: with it, a send is refused before any I/O; 8x8's complete document has it.
         */
        INTERACTIVE
    }

    private final Kind kind;
    private final String text;
    private final String url;
    private final Location location;
    private final Template template;
    private final JsonObject interactive;

    private ChatContent(Kind kind, String text, String url, Location location, Template template,
                        JsonObject interactive) {
        this.kind = kind;
        this.text = text;
        this.url = url;
        this.location = location;
        this.template = template;
        this.interactive = interactive;
    }

    /**
     * The message, at most 35,000 characters.
     *
     * @param text the message, at most 35,000 characters
     * @return the content
     */
    public static ChatContent text(String text) {
        return new ChatContent(Kind.TEXT, Checks.text("content.text", text, MAX_TEXT), null, null, null, null);
    }

    /**
     * The image's URL.
     *
     * @param url the image's URL
     * @param caption a caption, or null
     * @return the content
     */
    public static ChatContent image(String url, String caption) {
        return media(Kind.IMAGE, url, caption);
    }

    /**
     * The video's URL.
     *
     * @param url the video's URL
     * @param caption a caption, or null
     * @return the content
     */
    public static ChatContent video(String url, String caption) {
        return media(Kind.VIDEO, url, caption);
    }

    /**
     * The audio file's URL.
     *
     * @param url the audio file's URL
     * @return the content
     */
    public static ChatContent audio(String url) {
        return media(Kind.AUDIO, url, null);
    }

    /**
     * The document's URL.
     *
     * @param url the document's URL
     * @param caption a caption, or null
     * @return the content
     */
    public static ChatContent file(String url, String caption) {
        return media(Kind.FILE, url, caption);
    }

    private static ChatContent media(Kind kind, String url, String caption) {
        return new ChatContent(kind, Checks.optionalText("content.text", caption, MAX_TEXT),
                Checks.url("content.url", url), null, null, null);
    }

    /**
     * The place.
     *
     * @param location the place
     * @return the content
     */
    public static ChatContent location(Location location) {
        return new ChatContent(Kind.LOCATION, null, null, Objects.requireNonNull(location, "location"), null, null);
    }

    /**
     * The template and its parameters.
     *
     * @param template the template and its parameters
     * @return the content
     */
    public static ChatContent template(Template template) {
        return new ChatContent(Kind.TEMPLATE, null, null, null, Objects.requireNonNull(template, "template"), null);
    }

    /**
     * Interactive content, sent as {@code content.interactive} unchanged.
     *
     * @param interactive the JSON object, with at least its {@code type}
     * @return the content
     */
    public static ChatContent interactive(JsonObject interactive) {
        if (interactive == null || !interactive.has("type")) {
            throw new ValidationException("content.interactive.type", "is required");
        }
        return new ChatContent(Kind.INTERACTIVE, null, null, null, null, interactive.deepCopy());
    }

    /**
     * The content's type.
     *
     * @return the content's type
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The text, or a media caption.
     *
     * @return the text, or a media caption
     */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    /**
     * The media URL.
     *
     * @return the media URL
     */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    /**
     * The location.
     *
     * @return the location
     */
    public Optional<Location> location() {
        return Optional.ofNullable(location);
    }

    /**
     * The template.
     *
     * @return the template
     */
    public Optional<Template> template() {
        return Optional.ofNullable(template);
    }

    /**
     * A copy of the interactive JSON.
     *
     * @return a copy of the interactive JSON
     */
    public Optional<JsonObject> interactive() {
        return Optional.ofNullable(interactive).map(JsonObject::deepCopy);
    }

    @Override
    public String toString() {
        return "ChatContent{" + kind + (text != null ? " text=" + Redaction.describeText(text) : "")
                + (template != null ? " " + template : "") + '}';
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChatContent c && kind == c.kind && Objects.equals(text, c.text)
                && Objects.equals(url, c.url) && Objects.equals(location, c.location)
                && Objects.equals(template, c.template) && Objects.equals(interactive, c.interactive);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, text, url, location, template, interactive);
    }
}
