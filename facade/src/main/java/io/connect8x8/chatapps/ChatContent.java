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
 * caption), a location, a template, interactive content passed through as JSON, or content of a type the facade has
 * no factory for. Built by the static factories; immutable.
 */
public final class ChatContent {

    /** The API's limit on {@code content.text} (captions included) and {@code fallbackText}. */
    public static final int MAX_TEXT = 35_000;

    /**
     * The content's type, sent as the matching value of the generated {@code ContentType} of the spec set in use
     * ({@code Template} in the guides' document, {@code template} in 8x8's complete one); a type the spec in use
     * lacks is refused before sending.
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
        /** Interactive content (buttons, lists) as given; the guides' document has no such type. */
        INTERACTIVE,
        /** A type given by name with {@link ChatContent#ofType(String, JsonObject)}: read its type as a string. */
        UNKNOWN
    }

    /** The content fields {@link ChatMessage} sets itself: {@link #ofType(String, JsonObject)} refuses them. */
    private static final Set<String> SET_BY_MESSAGE = Set.of("fallbackText", "sms");

    private final Kind kind;
    private final String type;
    private final String text;
    private final String url;
    private final Location location;
    private final Template template;
    private final JsonObject json;

    private ChatContent(Kind kind, String type, String text, String url, Location location, Template template,
                        JsonObject json) {
        this.kind = kind;
        this.type = type;
        this.text = text;
        this.url = url;
        this.location = location;
        this.template = template;
        this.json = json;
    }

    private ChatContent(Kind kind, String text, String url, Location location, Template template) {
        this(kind, kind.name(), text, url, location, template, null);
    }

    /**
     * A text message.
     *
     * @param text the message, at most 35,000 characters
     * @return the content
     */
    public static ChatContent text(String text) {
        return new ChatContent(Kind.TEXT, Checks.text("content.text", text, MAX_TEXT), null, null, null);
    }

    /**
     * An image by URL.
     *
     * @param url the image's URL
     * @param caption a caption, or null
     * @return the content
     */
    public static ChatContent image(String url, String caption) {
        return media(Kind.IMAGE, url, caption);
    }

    /**
     * A video by URL.
     *
     * @param url the video's URL
     * @param caption a caption, or null
     * @return the content
     */
    public static ChatContent video(String url, String caption) {
        return media(Kind.VIDEO, url, caption);
    }

    /**
     * An audio file by URL.
     *
     * @param url the audio file's URL
     * @return the content
     */
    public static ChatContent audio(String url) {
        return media(Kind.AUDIO, url, null);
    }

    /**
     * A document by URL.
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
                Checks.url("content.url", url), null, null);
    }

    /**
     * A place.
     *
     * @param location the place
     * @return the content
     */
    public static ChatContent location(Location location) {
        return new ChatContent(Kind.LOCATION, null, null, Objects.requireNonNull(location, "location"), null);
    }

    /**
     * A template and its parameters.
     *
     * @param template the template
     * @return the content
     */
    public static ChatContent template(Template template) {
        return new ChatContent(Kind.TEMPLATE, null, null, null, Objects.requireNonNull(template, "template"));
    }

    /**
     * Interactive content, sent as {@code content.interactive} unchanged.
     *
     * @param interactive the JSON object, with at least its {@code type} (copied)
     * @return the content
     * @throws ValidationException when the object or its {@code type} is missing
     */
    public static ChatContent interactive(JsonObject interactive) {
        if (interactive == null || !interactive.has("type")) {
            throw new ValidationException("content.interactive.type", "is required");
        }
        return new ChatContent(Kind.INTERACTIVE, Kind.INTERACTIVE.name(), null, null, null, null,
                interactive.deepCopy());
    }

    /**
     * Content of a type this version of the facade has no factory for, such as one a newer 8x8 document added
     * (8x8's complete document has {@code richCard} and {@code carousel}). The type is sent as the matching value of
     * the generated {@code ContentType} of the spec set in use, in any casing, and refused before any I/O when the
     * spec lacks it; the fields are sent in {@code content} as given, beside the message's {@code fallbackText} and
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
        return new ChatContent(Kind.UNKNOWN, name, null, null, null, null, fields.deepCopy());
    }

    /** {@return the content's type; {@link Kind#UNKNOWN} for content made by {@link #ofType(String, JsonObject)}} */
    public Kind kind() {
        return kind;
    }

    /** {@return the content type's name as given; the spelling sent is the matching value of the spec in use} */
    public String typeAsString() {
        return type;
    }

    /** {@return a copy of the fields given to {@link #ofType(String, JsonObject)}} */
    public Optional<JsonObject> fields() {
        return kind == Kind.UNKNOWN ? Optional.of(json.deepCopy()) : Optional.empty();
    }

    /** {@return the text, or a media caption} */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    /** {@return the media URL} */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    /** {@return the location} */
    public Optional<Location> location() {
        return Optional.ofNullable(location);
    }

    /** {@return the template} */
    public Optional<Template> template() {
        return Optional.ofNullable(template);
    }

    /** {@return a copy of the interactive JSON} */
    public Optional<JsonObject> interactive() {
        return kind == Kind.INTERACTIVE ? Optional.of(json.deepCopy()) : Optional.empty();
    }

    @Override
    public String toString() {
        return "ChatContent{" + type + (text != null ? " text=" + Redaction.describeText(text) : "")
                + (template != null ? " " + template : "") + '}';
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChatContent c && kind == c.kind && type.equals(c.type) && Objects.equals(text, c.text)
                && Objects.equals(url, c.url) && Objects.equals(location, c.location)
                && Objects.equals(template, c.template) && Objects.equals(json, c.json);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, type, text, url, location, template, json);
    }
}
