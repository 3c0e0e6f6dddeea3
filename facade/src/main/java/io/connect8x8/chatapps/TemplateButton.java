package io.connect8x8.chatapps;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.connect8x8.ValidationException;
import io.connect8x8.internal.Checks;
import io.connect8x8.internal.SpecEnums;
import java.util.Map;

/**
 * A button component of a template, addressed by its position ({@code index}, 0 to 9) in the approved template, with
 * its one parameter as the generated {@code TemplateParameter} carries it: a URL button's variable part, a quick
 * reply's payload, a copy-code button's coupon code, or, for a sub-type a newer 8x8 document added ({@code Flow} or
 * {@code VoiceCall} in 8x8's complete document), the parameter as given. The sub-type and the parameter's
 * {@code type} are sent as the matching values of the generated enums of the spec set in use, in any casing; a name
 * the spec in use lacks is refused with a {@link ValidationException} that lists the allowed values, before any I/O.
 *
 * <pre>{@code
 * TemplateButton call = new TemplateButton("VoiceCall", 1,
 *         JsonParser.parseString("{\"type\":\"ttlMinutes\",\"ttlMinutes\":60}").getAsJsonObject());
 * }</pre>
 *
 * @param subType the sub-type's name as given, such as {@code URL} or {@code "VoiceCall"}
 * @param index the button's position in the approved template, 0 to 9
 * @param parameter the button's one parameter, with its {@code type}; its other members are sent as given
 */
public record TemplateButton(String subType, int index, JsonObject parameter) {

    /** The wire path of a button component's fields: its position in the list is not known when it is built. */
    private static final String FIELD = "content.template.components.";

    /** The highest button index. */
    public static final int MAX_INDEX = 9;

    /** The sub-types with a factory here, by key, and the parameter type (and member) that carries the value. */
    private static final Map<String, String> VALUE = Map.of("url", "text", "quickreply", "payload", "copycode",
            "couponCode");

    /**
     * Checks the button; for a sub-type with a factory here ({@code Url}, {@code QuickReply}, {@code CopyCode}), also
     * the value its parameter carries.
     *
     * @param subType the sub-type's name, in any casing
     * @param index the position, 0 to 9
     * @param parameter the parameter, with its {@code type} (copied)
     * @throws ValidationException when the sub-type is blank, the index is out of range, the parameter has no
     *     {@code type}, or such a sub-type's value is blank or longer than 2,000 characters
     */
    public TemplateButton {
        subType = SpecEnums.requireName(FIELD + "subType", subType);
        if (index < 0 || index > MAX_INDEX) {
            throw new ValidationException(FIELD + "index", "must be 0 to 9, was " + index);
        }
        if (parameter == null || !(parameter.get("type") instanceof JsonPrimitive)) {
            throw new ValidationException(FIELD + "parameters.type", "is required");
        }
        parameter = parameter.deepCopy();
        String member = VALUE.get(SpecEnums.key(subType));
        if (member != null) {
            // The field path names the value for the caller; the spelling on the wire comes from the spec in use.
            JsonElement value = parameter.get(member);
            Checks.text(FIELD + "parameters." + member, value instanceof JsonPrimitive p ? p.getAsString() : null,
                    2_000);
        }
    }

    /** A button of a sub-type with a factory here, by name (the OTP template's button is given so). */
    static TemplateButton of(String subType, int index, String value) {
        String member = VALUE.get(SpecEnums.key(SpecEnums.requireName(FIELD + "subType", subType)));
        if (member == null) {
            throw new ValidationException(FIELD + "subType", "unknown button sub-type '" + subType + "'; use Url,"
                    + " QuickReply or CopyCode");
        }
        JsonObject parameter = new JsonObject();
        parameter.addProperty("type", member);
        parameter.addProperty(member, value);
        return new TemplateButton(subType, index, parameter);
    }

    /**
     * A URL button's parameter.
     *
     * @param index the button's position, 0 to 9
     * @param urlParameter the URL's variable part (for an authentication template, the code)
     * @return the button
     */
    public static TemplateButton url(int index, String urlParameter) {
        return of("URL", index, urlParameter);
    }

    /**
     * A quick-reply button's payload.
     *
     * @param index the button's position, 0 to 9
     * @param payload what comes back when the recipient taps it
     * @return the button
     */
    public static TemplateButton quickReply(int index, String payload) {
        return of("QUICK_REPLY", index, payload);
    }

    /**
     * A copy-code button's coupon code.
     *
     * @param index the button's position, 0 to 9
     * @param couponCode the code to copy
     * @return the button
     */
    public static TemplateButton copyCode(int index, String couponCode) {
        return of("COPY_CODE", index, couponCode);
    }

    /** {@return a copy of the parameter} */
    @Override
    public JsonObject parameter() {
        return parameter.deepCopy();
    }

    /** The button, its value (a code, perhaps) omitted. */
    @Override
    public String toString() {
        return "TemplateButton{" + subType + " #" + index + '}';
    }
}
