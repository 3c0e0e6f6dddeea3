package io.connect8x8.chatapps;

import com.google.gson.JsonObject;
import io.connect8x8.Masking;
import io.connect8x8.ValidationException;
import io.connect8x8.internal.Checks;
import io.connect8x8.internal.SpecEnums;
import java.util.Objects;
import java.util.Set;

/**
 * What a chat-apps message carries, made by the static factories (a text or a template by
 * {@link ChatMessage.Builder#text} and {@link ChatMessage.Builder#template}). The type is sent as the matching value
 * of the generated {@code ContentType} of the spec set in use ({@code Template} in the guides' document,
 * {@code template} in 8x8's complete one); a type the spec in use lacks (the guides' has no {@code interactive}) is
 * refused before sending.
 *
 * @param type the content type's name as given: {@code TEXT}, {@code IMAGE}, ..., or another of the spec in use
 * @param text the text or a media caption, or null
 * @param url the media URL, or null
 * @param location the place, or null
 * @param template the template, or null
 * @param fields further members of {@code content}, sent as given ({@code interactive}, or those of a type made by
 *     {@link #ofType(String, JsonObject)}), or null
 */
public record ChatContent(String type, String text, String url, Location location, Template template,
                          JsonObject fields) {

    /** The API's limit on {@code content.text} (captions included) and {@code fallbackText}. */
    public static final int MAX_TEXT = 35_000;

    /** The types with a factory here, which checks their fields. */
    private static final Set<String> FACTORIES = Set.of("text", "image", "audio", "video", "file", "location",
            "template", "interactive");

    /** The content fields {@link ChatMessage} sets itself. */
    private static final Set<String> SET_BY_MESSAGE = Set.of("fallbackText", "sms");

    /**
     * Checks the fields the type needs.
     *
     * @param type the content type's name, in any casing
     * @param text the text (at most 35,000 characters) or caption, or null
     * @param url the media URL, or null
     * @param location the place, or null
     * @param template the template, or null
     * @param fields further members of {@code content} (copied), or null
     * @throws ValidationException naming the missing or malformed field, or {@code content.fallbackText} or
     *     {@code content.sms} in {@code fields} (set those on the message)
     */
    public ChatContent {
        type = SpecEnums.requireName("type", type);
        switch (SpecEnums.key(type)) {
            case "text" -> Checks.text("content.text", text, MAX_TEXT);
            case "image", "audio", "video", "file" -> {
                Checks.url("content.url", url);
                Checks.optionalText("content.text", text, MAX_TEXT);
            }
            case "location" -> Objects.requireNonNull(location, "location");
            case "template" -> Objects.requireNonNull(template, "template");
            default -> {
                if (fields == null) {
                    throw new ValidationException("content", "is required for type '" + type + "'");
                }
            }
        }
        if (fields != null) {
            for (String member : fields.keySet()) {
                if (SET_BY_MESSAGE.contains(member)) {
                    throw new ValidationException("content." + member, "is set on the message, not in the content");
                }
            }
            fields = fields.deepCopy();
        }
    }

    /**
     * An image by URL.
     *
     * @param url the image's URL
     * @param caption a caption, or null
     * @return the content
     */
    public static ChatContent image(String url, String caption) {
        return new ChatContent("IMAGE", caption, url, null, null, null);
    }

    /**
     * A video by URL.
     *
     * @param url the video's URL
     * @param caption a caption, or null
     * @return the content
     */
    public static ChatContent video(String url, String caption) {
        return new ChatContent("VIDEO", caption, url, null, null, null);
    }

    /**
     * An audio file by URL.
     *
     * @param url the audio file's URL
     * @return the content
     */
    public static ChatContent audio(String url) {
        return new ChatContent("AUDIO", null, url, null, null, null);
    }

    /**
     * A document by URL.
     *
     * @param url the document's URL
     * @param caption a caption, or null
     * @return the content
     */
    public static ChatContent file(String url, String caption) {
        return new ChatContent("FILE", caption, url, null, null, null);
    }

    /**
     * A place.
     *
     * @param location the place
     * @return the content
     */
    public static ChatContent location(Location location) {
        return new ChatContent("LOCATION", null, null, location, null, null);
    }

    /**
     * Interactive content (buttons, lists), sent as {@code content.interactive} unchanged: the facade does not model
     * its many forms.
     *
     * @param interactive the JSON object, with at least its {@code type} (copied)
     * @return the content
     * @throws ValidationException when the object or its {@code type} is missing
     */
    public static ChatContent interactive(JsonObject interactive) {
        if (interactive == null || !interactive.has("type")) {
            throw new ValidationException("content.interactive.type", "is required");
        }
        JsonObject fields = new JsonObject();
        fields.add("interactive", interactive);
        return new ChatContent("INTERACTIVE", null, null, null, null, fields);
    }

    /**
     * Content of a type this version of the facade has no factory for, such as one a newer 8x8 document added
     * (8x8's complete document has {@code richCard} and {@code carousel}): the fields are sent in {@code content}
     * as given, beside the message's {@code fallbackText} and {@code sms}.
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
     *     checked), when {@code fields} is null, or when it holds {@code fallbackText} or {@code sms}
     */
    public static ChatContent ofType(String type, JsonObject fields) {
        String key = SpecEnums.key(SpecEnums.requireName("type", type));
        if (FACTORIES.contains(key)) {
            throw new ValidationException("type", "'" + type.strip() + "' has its own factory, ChatContent." + key
                    + "(..), which checks its fields");
        }
        return new ChatContent(type, null, null, null, null, fields);
    }

    /** {@return a copy of the further members of {@code content}, or null} */
    @Override
    public JsonObject fields() {
        return fields == null ? null : fields.deepCopy();
    }

    /** The content, its text described, not shown. */
    @Override
    public String toString() {
        return "ChatContent{" + type + (text != null ? " text=" + Masking.describeText(text) : "")
                + (template != null ? " " + template : "") + '}';
    }
}
