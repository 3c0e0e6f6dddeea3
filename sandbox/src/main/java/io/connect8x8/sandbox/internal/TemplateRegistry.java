package io.connect8x8.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.connect8x8.sandbox.WhatsAppTemplate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The approved templates of a simulator and the checks 8x8 makes of a template message against them. */
public final class TemplateRegistry {

    private final Map<String, WhatsAppTemplate> templates = new ConcurrentHashMap<>();
    /** The registration as the API received it ({@code add-whatsapp-template}'s body), for listing. */
    private final Map<String, com.fasterxml.jackson.databind.node.ObjectNode> registrations =
            new ConcurrentHashMap<>();
    private final List<WhatsAppTemplate> initial;

    /**
     * Creates a registry.
     *
     * @param initial the templates to register
     */
    public TemplateRegistry(List<WhatsAppTemplate> initial) {
        this.initial = List.copyOf(initial);
        initial.forEach(this::register);
    }

    /** Back to the templates the simulator was built with. */
    void reset() {
        templates.clear();
        registrations.clear();
        initial.forEach(this::register);
    }

    /**
     * Adds or replaces a template.
     *
     * @param template the template
     */
    public void register(WhatsAppTemplate template) {
        templates.put(key(template.name(), template.language()), template);
        registrations.put(key(template.name(), template.language()), TemplateApi.registration(template));
    }

    /**
     * Registers a template from the API's request ({@code add-whatsapp-template}), approved at once.
     *
     * @param template the derived template
     * @param registration the request body
     * @return false when one of that name and language exists
     */
    boolean add(WhatsAppTemplate template, com.fasterxml.jackson.databind.node.ObjectNode registration) {
        String key = key(template.name(), template.language());
        if (templates.putIfAbsent(key, template) != null) {
            return false;
        }
        registrations.put(key, registration);
        return true;
    }

    /**
     * Removes every language of a template.
     *
     * @param name the template name
     * @return how many were removed
     */
    int remove(String name) {
        int removed = 0;
        for (WhatsAppTemplate template : List.copyOf(templates.values())) {
            if (template.name().equals(name)) {
                templates.remove(key(name, template.language()));
                registrations.remove(key(name, template.language()));
                removed++;
            }
        }
        return removed;
    }

    /**
     * Returns the registrations, sorted by name and language.
     *
     * @return the registrations
     */
    List<com.fasterxml.jackson.databind.node.ObjectNode> registrations() {
        return new java.util.TreeMap<>(registrations).values().stream().toList();
    }

    private static String key(String name, String language) {
        return name + '\u0000' + language;
    }

    /**
     * Checks {@code content.template} of a message (enums already in the spec's spelling).
     *
     * @param template the {@code content.template} object
     * @return the registered template it uses
     * @throws ApiError 400 with 3031, 3036, 3038, 3040, 3041, 3049, 3052 or 3053
     */
    public WhatsAppTemplate check(JsonNode template) {
        String name = Json.optText(template, "name");
        String language = Json.optText(template, "language");
        if (name == null || name.isBlank()) {
            throw ApiError.badRequest(3031, "Template name is missing");
        }
        if (language == null || language.isBlank()) {
            throw ApiError.badRequest(3036, "Template language is missing");
        }
        WhatsAppTemplate known = templates.get(key(name, language));
        if (known == null) {
            throw ApiError.badRequest(3038, "Template not found for name '" + name + "' and language '" + language
                    + "'");
        }
        int bodyParameters = 0;
        JsonNode components = template.path("components");
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            if ("body".equalsIgnoreCase(type)) {
                bodyParameters += component.path("parameters").size();
            } else if ("button".equalsIgnoreCase(type)) {
                checkButton(known, component);
            }
        }
        if (known.bodyParameters() > 0 && bodyParameters == 0) {
            throw ApiError.badRequest(3040, "Template '" + name + "' needs " + known.bodyParameters()
                    + " body parameter(s) but none were sent");
        }
        if (bodyParameters != known.bodyParameters()) {
            throw ApiError.badRequest(3041, "Template '" + name + "' takes " + known.bodyParameters()
                    + " body parameter(s), " + bodyParameters + " were sent");
        }
        return known;
    }

    private static void checkButton(WhatsAppTemplate known, JsonNode component) {
        JsonNode index = component.get("index");
        if (index == null || !index.canConvertToInt() || !known.buttons().containsKey(index.asInt())) {
            throw ApiError.badRequest(3053, "Invalid button index " + index + " for template '" + known.name() + "'");
        }
        String expected = known.buttons().get(index.asInt());
        String subType = component.path("subType").asText(null);
        if (subType == null || !subType.equalsIgnoreCase(expected)) {
            throw ApiError.badRequest(3052, "Invalid button subType " + subType + " at index " + index.asInt()
                    + ": the template has a " + expected + " button");
        }
        // The document: "For VoiceCall, the parameters array is optional. All other subtypes require at least one
        // parameter" (a QuickReply's is its payload).
        if (component.path("parameters").size() == 0 && !"VoiceCall".equalsIgnoreCase(expected)) {
            throw ApiError.badRequest(3049, "Button at index " + index.asInt() + " needs a parameter");
        }
    }
}
