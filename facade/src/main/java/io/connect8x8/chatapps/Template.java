package io.connect8x8.chatapps;

import io.connect8x8.ValidationException;
import io.connect8x8.internal.Checks;
import io.connect8x8.internal.SpecEnums;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A WhatsApp template message: the approved template's name and language, and the values of its components: an
 * optional header parameter, the body's positional parameters (the n-th fills {@code {{n}}}), and button
 * parameters by index. Each component is its own value: there is no shared variable to clear and reuse, as the
 * Salesforce Flow must.
 *
 * <pre>{@code
 * Template otp = Template.authentication("your_authentication_template_name", "en_US", "123456");
 * Template order = Template.builder("order_update", "en_US")
 *     .header(TemplateHeader.image("https://example.com/box.png"))
 *     .addBodyParameter("Jane").addBodyParameter("#1042")
 *     .addButton(TemplateButton.quickReply(0, "track-1042"))
 *     .build();
 * }</pre>
 *
 * @param name the approved template's name
 * @param language its language as sent, such as {@code en_US}
 * @param header the header's parameter, or null
 * @param bodyParameters the body's positional parameters
 * @param buttons the button parameters, in the order given
 */
public record Template(String name, String language, TemplateHeader header, List<String> bodyParameters,
                       List<TemplateButton> buttons) {

    /** WhatsApp's limit on one body parameter. */
    public static final int MAX_BODY_PARAMETER = 1_024;
    /** WhatsApp's limit on an authentication code. */
    public static final int MAX_OTP_CODE = 15;
    private static final Pattern NAME = Pattern.compile("^[a-z0-9_]{1,512}$");
    private static final Pattern LANGUAGE = Pattern.compile("^([A-Za-z]{2,3})(?:[_-]([A-Za-z]{2,4}))?$");

    /**
     * Checks the template; the language is normalised to the API's spelling ({@code en-us} becomes {@code en_US}).
     *
     * @param name the approved template's name: lower-case letters, digits and underscores
     * @param language its language, such as {@code en_US}, {@code en-us} or {@code en}
     * @param header the header's parameter, or null
     * @param bodyParameters the body's positional parameters (copied), each at most 1,024 characters
     * @param buttons the button parameters (copied), each index at most once
     * @throws ValidationException naming the malformed field
     */
    public Template {
        checkName(name);
        language = normaliseLanguage(language);
        bodyParameters = List.copyOf(bodyParameters);
        buttons = List.copyOf(buttons);
        // Field paths give the component's position as it goes on the wire: header, body, then the buttons.
        int bodyPosition = header == null ? 0 : 1;
        for (int i = 0; i < bodyParameters.size(); i++) {
            Checks.text("content.template.components[" + bodyPosition + "].parameters[" + i + "].text",
                    bodyParameters.get(i), MAX_BODY_PARAMETER);
        }
        int firstButton = bodyPosition + (bodyParameters.isEmpty() ? 0 : 1);
        for (int i = 0; i < buttons.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (buttons.get(j).index() == buttons.get(i).index()) {
                    throw new ValidationException("content.template.components[" + (firstButton + i) + "].index",
                            "index " + buttons.get(i).index() + " is used twice");
                }
            }
        }
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new ValidationException("content.template.name", "is required");
        }
        if (!NAME.matcher(name).matches()) {
            throw new ValidationException("content.template.name",
                    "must be lower-case letters, digits and underscores, at most 512 characters");
        }
    }

    /** Accepts {@code en_US}, {@code en-us}, {@code en}; sends the API's spelling {@code en_US}. */
    private static String normaliseLanguage(String language) {
        if (language == null || language.isEmpty()) {
            throw new ValidationException("content.template.language", "is required");
        }
        var matcher = LANGUAGE.matcher(language);
        if (!matcher.matches()) {
            throw new ValidationException("content.template.language",
                    "must be a language code such as en or en_US");
        }
        String lang = matcher.group(1).toLowerCase(Locale.ROOT);
        String region = matcher.group(2);
        if (region == null) {
            return lang;
        }
        return lang + "_" + (region.length() == 2 ? region.toUpperCase(Locale.ROOT) : region);
    }

    /**
     * Starts a template message.
     *
     * @param name the approved template's name
     * @param language its language, such as {@code en_US}
     * @return the builder
     */
    public static Builder builder(String name, String language) {
        return new Builder(name, language);
    }

    /**
     * An authentication (one-time password) template, filled as 8x8's guide fills it: the code in the body's text
     * parameter and again in the URL button at index 0.
     *
     * @param name the approved template's name
     * @param language its language
     * @param code the one-time code, at most 15 characters
     * @return the template
     */
    public static Template authentication(String name, String language, String code) {
        return authentication(name, language, code, "Url");
    }

    /**
     * An authentication template whose button at index 0 is of another sub-type: the code in the body's text
     * parameter and, with {@code Url} or {@code CopyCode}, again in that button.
     *
     * @param name the approved template's name
     * @param language its language
     * @param code the one-time code, at most 15 characters
     * @param button the sub-type of button 0 in any casing, or null for a template whose only parameter is the
     *     body's
     * @return the template
     * @throws ValidationException for a sub-type other than those two (a quick reply cannot carry a code)
     */
    public static Template authentication(String name, String language, String code, String button) {
        Checks.text("code", code, MAX_OTP_CODE);
        Builder template = builder(name, language).addBodyParameter(code);
        if (button != null) {
            if (!Set.of("url", "copycode").contains(SpecEnums.key(button))) {
                throw new ValidationException("content.template.components.subType",
                        "an authentication code goes in a Url or CopyCode button, not " + button);
            }
            template.addButton(TemplateButton.of(button, 0, code));
        }
        return template.build();
    }

    /** Parameters are omitted: they may be codes or personal data. */
    @Override
    public String toString() {
        return "Template{name=" + name + ", language=" + language + ", header=" + header + ", bodyParameters="
                + bodyParameters.size() + ", buttons=" + buttons + '}';
    }

    /** Builds a {@link Template}. */
    public static final class Builder {
        private final String name;
        private final String language;
        private TemplateHeader header;
        private final List<String> bodyParameters = new ArrayList<>();
        private final List<TemplateButton> buttons = new ArrayList<>();

        private Builder(String name, String language) {
            this.name = name;
            this.language = language;
        }

        /**
         * Sets the header component's parameter.
         *
         * @param header the header's parameter (default: none)
         * @return this builder
         */
        public Builder header(TemplateHeader header) {
            this.header = header;
            return this;
        }

        /**
         * Adds the next body parameter of the approved template, in order: the template's placeholders are numbered,
         * not named.
         *
         * @param value the next positional body parameter: the first fills {@code {{1}}}, at most 1,024 characters
         * @return this builder
         */
        public Builder addBodyParameter(String value) {
            bodyParameters.add(Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Adds a button component's parameter.
         *
         * @param button a button's parameter; each index at most once
         * @return this builder
         */
        public Builder addButton(TemplateButton button) {
            buttons.add(Objects.requireNonNull(button, "button"));
            return this;
        }

        /**
         * Builds the template.
         *
         * @return the template
         * @throws ValidationException naming the malformed field
         */
        public Template build() {
            return new Template(name, language, header, bodyParameters, buttons);
        }
    }
}
