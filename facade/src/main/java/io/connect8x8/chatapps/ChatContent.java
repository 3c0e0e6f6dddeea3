package io.connect8x8.chatapps;

import com.google.gson.JsonObject;
import io.connect8x8.ValidationException;
import io.connect8x8.internal.Checks;
import io.connect8x8.internal.Redaction;
import io.connect8x8.internal.SpecEnums;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
        INTERACTIVE,
        /**
         * A content type this version of the facade has no factory for, given by name with
         * {@link ChatContent#ofType(String, JsonObject)}: read {@link ChatContent#typeAsString()}. Never a value a
         * factory takes.
         */
        UNKNOWN
    }

    /** The content fields {@link ChatMessage} sets itself: {@link #ofType(String, JsonObject)} refuses them. */
    private static final Set<String> SET_BY_MESSAGE = Set.of("fallbackText", "sms");

    private final Kind kind;
    private final String text;
    private final String url;
    private final Location location;
    private final Template template;
    private final JsonObject interactive;
    private final String type;
    private final JsonObject fields;

    private ChatContent(Kind kind, String text, String url, Location location, Template template,
                        JsonObject interactive) {
        this(kind, kind.name(), text, url, location, template, interactive, null);
    }

    private ChatContent(Kind kind, String type, String text, String url, Location location, Template template,
                        JsonObject interactive, JsonObject fields) {
        this.kind = kind;
        this.type = type;
        this.fields = fields;
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
     * Content of a type this version of the facade has no factory for, such as one a newer 8x8 document added
     * (8x8's complete Messaging Apps document has {@code richCard} and {@code carousel}). The type is sent as the
     * matching value of the generated {@code ContentType} of the spec set in use, in any casing; a type the spec in
     * use lacks is refused with a {@link ValidationException} on {@code type} that lists the allowed values, before
     * any I/O. The fields are sent in {@code content} as given, beside the message's {@code fallbackText} and
     * {@code sms}.
     *
     * <pre>{@code
     * ChatContent card = ChatContent.ofType("richCard", JsonParser.parseString(
     *         "{\"richCard\":{\"cardOrientation\":\"vertical\",\"media\":{...}}}").getAsJsonObject());
     * }</pre>
     *
     * @param type the content type's name, such as {@code "richCard"}
     * @param fields the members of {@code content} for that type (copied)
     * @return the content
     * @throws ValidationException when the type is blank or has its own factory here (use that one: its fields are
     *     checked), when {@code fields} is null, or when it holds {@code fallbackText} or {@code sms} (set those on
     *     the message)
     */
    public static ChatContent ofType(String type, JsonObject fields) {
        String name = SpecEnums.requireName("type", type);
        Kind known = SpecEnums.facadeConstant(Kind.class, name, Kind.UNKNOWN);
        if (known != Kind.UNKNOWN) {
            throw new ValidationException("type", "'" + name + "' has its own factory, ChatContent."
                    + known.name().toLowerCase(Locale.ROOT) + "(..), which checks its fields");
        }
        if (fields == null) {
            throw new ValidationException("content", "is required for type '" + name + "'");
        }
        for (String member : fields.keySet()) {
            if (SET_BY_MESSAGE.contains(member)) {
                throw new ValidationException("content." + member, "is set on the message, not in the content");
            }
        }
        return new ChatContent(Kind.UNKNOWN, name, null, null, null, null, null, fields.deepCopy());
    }

    /**
     * The content's type.
     *
     * @return the content's type; {@link Kind#UNKNOWN} for content made by {@link #ofType(String, JsonObject)}
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The content's type as given: the name passed to {@link #ofType(String, JsonObject)}, or the {@link Kind}'s
     * name. The spelling sent is the matching value of the spec in use.
     *
     * @return the content type's name as given
     */
    public String typeAsString() {
        return type;
    }

    /**
     * A copy of the fields given to {@link #ofType(String, JsonObject)}.
     *
     * @return a copy of the fields, empty for content made by the other factories
     */
    public Optional<JsonObject> fields() {
        return Optional.ofNullable(fields).map(JsonObject::deepCopy);
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
        return "ChatContent{" + type + (text != null ? " text=" + Redaction.describeText(text) : "")
                + (template != null ? " " + template : "") + '}';
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChatContent c && kind == c.kind && Objects.equals(text, c.text)
                && Objects.equals(url, c.url) && Objects.equals(location, c.location)
                && Objects.equals(template, c.template) && Objects.equals(interactive, c.interactive)
                && type.equals(c.type) && Objects.equals(fields, c.fields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, type, text, url, location, template, interactive, fields);
    }
}
