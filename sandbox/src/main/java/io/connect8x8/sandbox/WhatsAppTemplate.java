package io.connect8x8.sandbox;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An approved WhatsApp template the simulator knows: a template message must name one by {@code name} and
 * {@code language}, send exactly {@code bodyParameters} body parameters, and use only the buttons listed here.
 *
 * @param name the template name, e.g. {@code your_authentication_template_name}
 * @param language the language code, e.g. {@code en_US}
 * @param bodyParameters how many {@code {{n}}} placeholders the body has, at least 0
 * @param buttons the buttons by index (0 to 9) with their subType spelt as the spec does ({@code QuickReply},
 *     {@code Url}, {@code CopyCode}); an unmodifiable copy is kept
 * @param category the WhatsApp pricing category reported in receipts, e.g. {@code authentication}
 */
public record WhatsAppTemplate(String name, String language, int bodyParameters, Map<Integer, String> buttons,
                               String category) {

    /** The template of 8x8's authentication guide, registered in every simulator. */
    public static final WhatsAppTemplate GUIDE_AUTHENTICATION =
            new WhatsAppTemplate("your_authentication_template_name", "en_US", 1, Map.of(0, "Url"), "authentication");

    /**
     * Validates and copies the arguments.
     *
     * @param name the template name
     * @param language the language code
     * @param bodyParameters how many body placeholders, at least 0
     * @param buttons the buttons by index (0 to 9) with their subType
     * @param category the pricing category reported in receipts
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a count or button index is out of range
     */
    public WhatsAppTemplate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(buttons, "buttons");
        Objects.requireNonNull(category, "category");
        if (bodyParameters < 0) {
            throw new IllegalArgumentException("bodyParameters must be at least 0: " + bodyParameters);
        }
        buttons.forEach((index, subType) -> {
            if (index < 0 || index > 9) {
                throw new IllegalArgumentException("button index must be 0 to 9: " + index);
            }
            Objects.requireNonNull(subType, "button subType");
        });
        buttons = java.util.Collections.unmodifiableMap(new TreeMap<>(buttons));
    }

    /**
     * A template without buttons in the {@code utility} category.
     *
     * @param name the template name
     * @param language the language code
     * @param bodyParameters the number of body parameters
     * @return the template
     */
    public static WhatsAppTemplate of(String name, String language, int bodyParameters) {
        return new WhatsAppTemplate(name, language, bodyParameters, Map.of(), "utility");
    }

    /**
     * A copy with one more button.
     *
     * @param index the button's position, 0 to 9
     * @param subType {@code QuickReply}, {@code Url} or {@code CopyCode}
     * @return the new template
     */
    public WhatsAppTemplate withButton(int index, String subType) {
        Map<Integer, String> more = new TreeMap<>(buttons);
        more.put(index, subType);
        return new WhatsAppTemplate(name, language, bodyParameters, more, category);
    }

    /**
     * A copy in another pricing category.
     *
     * @param category e.g. {@code marketing}
     * @return the new template
     */
    public WhatsAppTemplate withCategory(String category) {
        return new WhatsAppTemplate(name, language, bodyParameters, buttons, category);
    }
}
