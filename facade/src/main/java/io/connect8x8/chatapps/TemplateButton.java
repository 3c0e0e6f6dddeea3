package io.connect8x8.chatapps;

import io.connect8x8.ValidationException;
import io.connect8x8.internal.Checks;
import java.util.Locale;

/**
 * A button component of a template, addressed by its position ({@code index}, 0 to 9) in the approved template:
 * a URL button's variable part, a quick reply's payload, or a copy-code button's coupon code.
 *
 * @param kind the button's sub-type
 * @param index its position in the approved template, 0 to 9
 * @param value the URL parameter, the payload or the coupon code
 */
public record TemplateButton(Kind kind, int index, String value) {

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
        COPY_CODE;

        /**
         * Reads a sub-type in any casing or separator style: {@code url}, {@code Url}, {@code URL},
         * {@code quick_reply}, {@code quick-reply}, {@code QuickReply}, {@code copy-code}, {@code CopyCode}.
         *
         * @param name the name
         * @return the kind
         * @throws ValidationException (field {@code subType}) when nothing matches
         */
        public static Kind of(String name) {
            String wanted = name == null ? "" : name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
            for (Kind kind : values()) {
                if (kind.name().replace("_", "").toLowerCase(Locale.ROOT).equals(wanted)) {
                    return kind;
                }
            }
            throw new ValidationException(FIELD + "subType", "unknown button sub-type '" + name
                    + "'; use Url, QuickReply or CopyCode");
        }
    }

    /**
     * Makes a button component, checking it before any request is made: the error names the field the value goes
     * to, whichever spec set spells it on the wire.
     *
     * @param kind the button's sub-type
     * @param index its position in the approved template, 0 to {@value #MAX_INDEX}
     * @param value the URL parameter, the payload or the coupon code: not blank, at most 2,000 characters
     * @throws ValidationException when the kind is missing, the index out of range, or the value blank or too long
     */
    public TemplateButton {
        if (kind == null) {
            throw new ValidationException(FIELD + "subType", "is required");
        }
        if (index < 0 || index > MAX_INDEX) {
            throw new ValidationException(FIELD + "index", "must be 0 to 9, was " + index);
        }
        // The field path names the value for the caller; the spelling on the wire comes from the spec in use.
        Checks.text(FIELD + "parameters." + switch (kind) {
            case URL -> "text";
            case QUICK_REPLY -> "payload";
            case COPY_CODE -> "couponCode";
        }, value, 2_000);
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
     * @param subType the sub-type name
     * @param index the position, 0 to 9
     * @param value the parameter
     * @return the button
     */
    public static TemplateButton of(String subType, int index, String value) {
        return new TemplateButton(Kind.of(subType), index, value);
    }

    @Override
    public String toString() {
        return "TemplateButton{" + kind + " #" + index + '}';
    }
}
