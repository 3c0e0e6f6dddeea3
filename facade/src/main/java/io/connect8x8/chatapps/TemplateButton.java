package io.connect8x8.chatapps;

import com.google.gson.JsonObject;
import io.connect8x8.ValidationException;
import io.connect8x8.internal.Checks;
import io.connect8x8.internal.SpecEnums;
import java.util.Objects;
import java.util.Optional;

/**
 * A button component of a template, addressed by its position ({@code index}, 0 to 9) in the approved template:
 * a URL button's variable part, a quick reply's payload, or a copy-code button's coupon code; or, for a sub-type
 * this version of the facade has no factory for (one a newer 8x8 document added, such as {@code Flow} or
 * {@code VoiceCall} in 8x8's complete document), its parameter as given ({@link #ofType(String, int, JsonObject)}).
 * Immutable.
 */
public final class TemplateButton {

    /** The wire path of a button component's fields: its position in the list is not known when it is built. */
    private static final String FIELD = "content.template.components.";

    /** The highest button index. */
    public static final int MAX_INDEX = 9;

    /**
     * The button's sub-type; sent as the matching {@code subType} of the spec set in use, with the parameter type
     * that carries its value (a URL button's text, a quick reply's payload, a copy-code button's coupon code).
     */
    public enum Kind {
        /** A URL button; the parameter fills the URL's variable part (an OTP's one-tap and copy-code buttons). */
        URL,
        /** A quick-reply button; the payload comes back when the recipient taps it. */
        QUICK_REPLY,
        /** A copy-code button; the coupon code is copied when tapped. */
        COPY_CODE,
        /**
         * A sub-type this version of the facade has no factory for, given by name with
         * {@link TemplateButton#ofType(String, int, JsonObject)}: read {@link TemplateButton#subTypeAsString()}.
         * Never accepted as input; {@link #of(String)} never returns it.
         */
        UNKNOWN;

        /**
         * Reads a sub-type in any casing or separator style: {@code url}, {@code Url}, {@code URL},
         * {@code quick_reply}, {@code quick-reply}, {@code QuickReply}, {@code copy-code}, {@code CopyCode}.
         *
         * @param name the name
         * @return the kind
         * @throws ValidationException (field {@code subType}) when nothing matches
         */
        public static Kind of(String name) {
            Kind kind = SpecEnums.facadeConstant(Kind.class, name, UNKNOWN);
            if (kind != UNKNOWN) {
                return kind;
            }
            throw new ValidationException(FIELD + "subType", "unknown button sub-type '" + name + "'; use Url,"
                    + " QuickReply or CopyCode, or TemplateButton.ofType(..) for a sub-type of a newer document");
        }
    }

    private final Kind kind;
    private final int index;
    private final String value;
    private final String subType;
    private final JsonObject parameter;

    /**
     * A button of a sub-type the facade models.
     *
     * @param kind the button's sub-type
     * @param index its position in the approved template, 0 to 9
     * @param value the URL parameter, the payload or the coupon code
     * @throws ValidationException when {@code kind} is null or {@link Kind#UNKNOWN}, the index is out of range or
     *     the value is blank or too long
     */
    public TemplateButton(Kind kind, int index, String value) {
        this(SpecEnums.requireKnown(FIELD + "subType", kind, Kind.UNKNOWN), kind.name(), index, value, null);
    }

    private TemplateButton(Kind kind, String subType, int index, String value, JsonObject parameter) {
        if (index < 0 || index > MAX_INDEX) {
            throw new ValidationException(FIELD + "index", "must be 0 to 9, was " + index);
        }
        // The field path names the value for the caller; the spelling on the wire comes from the spec in use.
        switch (kind) {
            case URL -> Checks.text(FIELD + "parameters.text", value, 2_000);
            case QUICK_REPLY -> Checks.text(FIELD + "parameters.payload", value, 2_000);
            case COPY_CODE -> Checks.text(FIELD + "parameters.couponCode", value, 2_000);
            case UNKNOWN -> {
                if (parameter == null || !parameter.has("type") || !parameter.get("type").isJsonPrimitive()) {
                    throw new ValidationException(FIELD + "parameters.type", "is required");
                }
            }
        }
        this.kind = kind;
        this.subType = subType;
        this.index = index;
        this.value = value;
        this.parameter = parameter;
    }

    /**
     * A URL button's parameter.
     *
     * @param index the button's position, 0 to 9
     * @param urlParameter the URL's variable part (for an authentication template, the code)
     * @return the button
     */
    public static TemplateButton url(int index, String urlParameter) {
        return new TemplateButton(Kind.URL, index, urlParameter);
    }

    /**
     * A quick-reply button's payload.
     *
     * @param index the button's position, 0 to 9
     * @param payload what comes back when the recipient taps it
     * @return the button
     */
    public static TemplateButton quickReply(int index, String payload) {
        return new TemplateButton(Kind.QUICK_REPLY, index, payload);
    }

    /**
     * A copy-code button's coupon code.
     *
     * @param index the button's position, 0 to 9
     * @param couponCode the code to copy
     * @return the button
     */
    public static TemplateButton copyCode(int index, String couponCode) {
        return new TemplateButton(Kind.COPY_CODE, index, couponCode);
    }

    /**
     * A button from a sub-type name in any casing, as a Flow or a form would give it ({@code url}, {@code Url}).
     *
     * @param subType the sub-type name: {@code Url}, {@code QuickReply} or {@code CopyCode}
     * @param index the position, 0 to 9
     * @param value the parameter
     * @return the button
     * @throws ValidationException when the sub-type is none of those (for another, use
     *     {@link #ofType(String, int, JsonObject)}), or the index or value is out of range
     */
    public static TemplateButton of(String subType, int index, String value) {
        return new TemplateButton(Kind.of(subType), index, value);
    }

    /**
     * A button of a sub-type this version of the facade has no factory for, such as one a newer 8x8 document added
     * (8x8's complete document has {@code Flow} and {@code VoiceCall}). The sub-type and the parameter's
     * {@code type} are sent as the matching values of the generated enums of the spec set in use, in any casing; a
     * name the spec in use lacks is refused with a {@link ValidationException} that lists the allowed values, before
     * any I/O. The parameter's other members are sent as given.
     *
     * <pre>{@code
     * TemplateButton call = TemplateButton.ofType("VoiceCall", 1,
     *         JsonParser.parseString("{\"type\":\"ttlMinutes\",\"ttlMinutes\":60}").getAsJsonObject());
     * }</pre>
     *
     * @param subType the sub-type's name, such as {@code "VoiceCall"}
     * @param index the position, 0 to 9
     * @param parameter the button's one parameter, with its {@code type} (copied)
     * @return the button
     * @throws ValidationException when the sub-type is blank or has its own factory here (use that one: its value
     *     is checked), the index is out of range, or the parameter has no {@code type}
     */
    public static TemplateButton ofType(String subType, int index, JsonObject parameter) {
        String name = SpecEnums.requireName(FIELD + "subType", subType);
        Kind known = SpecEnums.facadeConstant(Kind.class, name, Kind.UNKNOWN);
        if (known != Kind.UNKNOWN) {
            throw new ValidationException(FIELD + "subType", "'" + name + "' has its own factory,"
                    + " TemplateButton.of(..), which checks its value");
        }
        return new TemplateButton(Kind.UNKNOWN, name, index, null, parameter == null ? null : parameter.deepCopy());
    }

    /** {@return the button's sub-type; {@link Kind#UNKNOWN} for one made by {@link #ofType}} */
    public Kind kind() {
        return kind;
    }

    /** {@return the sub-type's name as given; the spelling sent is the matching value of the spec in use} */
    public String subTypeAsString() {
        return subType;
    }

    /** {@return the button's position in the approved template, 0 to 9} */
    public int index() {
        return index;
    }

    /** {@return the URL parameter, the payload or the coupon code; null for a button made by {@link #ofType}} */
    public String value() {
        return value;
    }

    /** {@return a copy of the parameter given to {@link #ofType}, empty for the other factories' buttons} */
    public Optional<JsonObject> parameter() {
        return Optional.ofNullable(parameter).map(JsonObject::deepCopy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TemplateButton b && kind == b.kind && subType.equals(b.subType) && index == b.index
                && Objects.equals(value, b.value) && Objects.equals(parameter, b.parameter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, subType, index, value, parameter);
    }

    @Override
    public String toString() {
        return "TemplateButton{" + subType + " #" + index + '}';
    }
}
