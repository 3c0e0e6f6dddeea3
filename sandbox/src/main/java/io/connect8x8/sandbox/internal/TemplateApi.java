package io.connect8x8.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connect8x8.sandbox.WhatsAppTemplate;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The WhatsApp templates operations on the simulator's registry: list ({@code get-whatsapp-templates}), add
 * ({@code add-whatsapp-template}, approved at once; a template message may use it right away) and remove
 * ({@code remove-wa-template}, every language of the name). One registry per simulator, whatever the account and
 * channel in the path.
 */
final class TemplateApi {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\d+)}}");
    /**
     * The component and button types the listing's schema allows (registration allows more components, such as
     * CAROUSEL), read from the document that serves the listing, once per operation: a hand list fell behind the
     * document (FLOW, VOICE_CALL and REQUEST_CONTACT_INFO buttons were left out of the listing).
     */
    private final Map<Operation, Listed> listedTypes = new java.util.concurrent.ConcurrentHashMap<>();
    /** Registration button types to the subType a template message gives them (an OTP button is a URL one). */
    private static final Map<String, String> SUB_TYPES = Map.of("URL", "Url", "OTP", "Url", "QUICK_REPLY",
            "QuickReply", "COPY_CODE", "CopyCode", "FLOW", "Flow", "PHONE_NUMBER", "PhoneNumber", "VOICE_CALL",
            "VoiceCall");

    /**
     * The member of a kept registration that holds when it was added over the API, the listing's {@code createdAt}
     * and {@code updatedAt} (a template does not change when it is listed); the listing copies named members only.
     */
    private static final String ADDED_AT = "createdAt";

    /** How long a removed template's name stays taken: the document's 409, "cannot be reused within 30 days". */
    private static final java.time.Duration NAME_REUSE_DELAY = java.time.Duration.ofDays(30);

    private final TemplateRegistry registry;
    private final java.time.Clock clock;
    /** When each removed name was removed (on the simulator's clock), so that adding it again too soon is a 409. */
    private final Map<String, java.time.Instant> removedAt = new java.util.concurrent.ConcurrentHashMap<>();
    /** The listing's {@code createdAt} of the templates given to the builder: they were there at the start. */
    private final String started;

    TemplateApi(TemplateRegistry registry, java.time.Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.started = Json.timestamp(clock.instant());
    }

    /** The registration a template built in Java would have had: a body with its placeholders and its buttons. */
    static ObjectNode registration(WhatsAppTemplate template) {
        ObjectNode registration = Json.object();
        registration.put("name", template.name());
        registration.put("language", template.language());
        registration.put("category", template.category().toUpperCase(Locale.ROOT));
        ArrayNode components = registration.putArray("components");
        StringBuilder body = new StringBuilder("Template " + template.name());
        for (int i = 1; i <= template.bodyParameters(); i++) {
            body.append(" {{").append(i).append("}}");
        }
        components.addObject().put("type", "BODY").put("text", body.toString());
        if (!template.buttons().isEmpty()) {
            ArrayNode buttons = components.addObject().put("type", "BUTTONS").putArray("buttons");
            template.buttons().forEach((index, subType) -> buttons.addObject()
                    .put("type", subType.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT))
                    .put("text", "Button " + index));
        }
        return registration;
    }

    /**
     * The types a listed template's component and button may have: the enums of the listing's schema.
     *
     * @param components the component types, or null for any
     * @param buttons the button types, or null for any
     */
    private record Listed(Set<String> components, Set<String> buttons) {

        /** Reads them from the listing's 200 schema ({@code templates[].components[]}), following its $refs. */
        static Listed of(Operation operation) {
            JsonNode document = operation.document.tree;
            JsonNode component = at(document, document.path("paths").path(operation.template), "get", "responses",
                    "200", "content", "application/json", "schema", "properties", "templates", "items",
                    "properties", "components", "items");
            return new Listed(enumOf(document, at(document, component, "properties", "type")),
                    enumOf(document, at(document, component, "properties", "buttons", "items", "properties", "type")));
        }

        private static JsonNode at(JsonNode document, JsonNode node, String... names) {
            JsonNode current = JsonRefs.resolve(document, node);
            for (String name : names) {
                current = current == null ? null : JsonRefs.resolve(document, current.path(name));
            }
            return current;
        }

        private static Set<String> enumOf(JsonNode document, JsonNode schema) {
            if (schema == null || !schema.path("enum").isArray()) {
                return null;
            }
            Set<String> values = new java.util.HashSet<>();
            schema.get("enum").forEach(value -> values.add(value.asText()));
            return Set.copyOf(values);
        }

        boolean component(String type) {
            return components == null || components.contains(type);
        }

        boolean button(String type) {
            return buttons == null || buttons.contains(type);
        }
    }

    /** {@code GET .../templates}. */
    Answer list(Call call) {
        Listed types = listedTypes.computeIfAbsent(call.operation(), Listed::of);
        ObjectNode answer = Json.object();
        ArrayNode templates = answer.putArray("templates");
        String channelId = call.param("channelId");
        for (ObjectNode registration : registry.registrations()) {
            String created = registration.path(ADDED_AT).asText(started);
            ObjectNode template = templates.addObject();
            template.put("channelId", uuid(channelId));
            template.put("channelName", "WhatsApp");
            template.put("templateName", registration.path("name").asText());
            template.put("language", registration.path("language").asText());
            template.put("languageName", languageName(registration.path("language").asText()));
            ArrayNode components = template.putArray("components");
            for (JsonNode component : registration.path("components")) {
                if (types.component(component.path("type").asText())) {
                    components.add(listed(component, types));
                }
            }
            String category = registration.path("category").asText();
            template.put("category", category);
            template.put("categoryName", friendly(category));
            template.put("status", "APPROVED");
            template.put("statusName", friendly("APPROVED"));
            template.put("createdAt", created);
            template.put("updatedAt", created);
        }
        return Answer.ok(answer);
    }

    /**
     * {@code POST .../templates}: 200 {@code {}}; 409 when the name and language exist, or (code 3060) when the name
     * was removed less than 30 days ago.
     */
    Answer add(Call call) {
        ObjectNode registration = (ObjectNode) call.json();
        String name = registration.path("name").asText();
        String language = registration.path("language").asText();
        Set<Integer> placeholders = new TreeSet<>();
        Map<Integer, String> buttons = new TreeMap<>();
        for (JsonNode component : registration.path("components")) {
            String type = component.path("type").asText().toUpperCase(Locale.ROOT);
            if ("BODY".equals(type)) {
                Matcher placeholder = PLACEHOLDER.matcher(component.path("text").asText(""));
                while (placeholder.find()) {
                    placeholders.add(Integer.parseInt(placeholder.group(1)));
                }
            } else if ("BUTTONS".equals(type)) {
                for (JsonNode button : component.path("buttons")) {
                    if (buttons.size() < 10) {
                        String buttonType = button.path("type").asText().toUpperCase(Locale.ROOT);
                        buttons.put(buttons.size(), SUB_TYPES.getOrDefault(buttonType, buttonType));
                    }
                }
            }
        }
        WhatsAppTemplate template = new WhatsAppTemplate(name, language, placeholders.size(), buttons,
                registration.path("category").asText("utility").toLowerCase(Locale.ROOT));
        java.time.Instant removed = removedAt.get(name);
        if (removed != null && clock.instant().isBefore(removed.plus(NAME_REUSE_DELAY))) {
            throw new ApiError(409, 3060, "Template name cannot be reused within 30 days of deletion");
        }
        ObjectNode kept = registration.deepCopy();
        kept.put(ADDED_AT, Json.timestamp(clock.instant()));
        if (!registry.add(template, kept)) {
            throw new ApiError(409, 1000, "Template '" + name + "' already exists for language " + language);
        }
        return Answer.ok(Json.object());
    }

    /** {@code DELETE .../templates/{templateName}}: 200 {@code {}}; 400 code 3038 when the name is unknown. */
    Answer remove(Call call) {
        String name = call.param("templateName");
        if (registry.remove(name) == 0) {
            throw ApiError.badRequest(3038, "Template not found for name '" + name + "'");
        }
        removedAt.put(name, clock.instant());
        return Answer.ok(Json.object());
    }

    /**
     * The listing's {@code languageName}, as the document's example gives it: the language in English, with the
     * region's code in brackets when there is one ("English" for {@code en}, "English (US)" for {@code en_US}); the
     * code itself when Java knows no name for it.
     */
    static String languageName(String language) {
        Locale locale = Locale.forLanguageTag(language.replace('_', '-'));
        String name = locale.getDisplayLanguage(Locale.ENGLISH);
        if (name.isEmpty() || name.equalsIgnoreCase(locale.getLanguage())) {
            return language;
        }
        return locale.getCountry().isEmpty() ? name : name + " (" + locale.getCountry() + ")";
    }

    /** An enumeration's user-friendly name, as the document's example gives them: UTILITY is "Utility". */
    private static String friendly(String value) {
        String lower = value.toLowerCase(Locale.ROOT).replace('_', ' ');
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static ObjectNode listed(JsonNode component, Listed types) {
        ObjectNode copy = Json.object();
        copy.put("type", component.path("type").asText());
        if (component.path("format").isTextual() && !"Gif".equals(component.get("format").textValue())) {
            copy.put("format", component.get("format").textValue());
        }
        if (component.path("text").isTextual()) {
            copy.put("text", component.get("text").textValue());
        }
        if (component.has("buttons")) {
            ArrayNode buttons = copy.putArray("buttons");
            for (JsonNode button : component.get("buttons")) {
                if (types.button(button.path("type").asText())) {
                    buttons.add(button.deepCopy());
                }
            }
        }
        return copy;
    }

    /** The listing's {@code channelId} is a UUID: the path's when it is one, else one derived from it. */
    private static String uuid(String channelId) {
        try {
            return UUID.fromString(channelId).toString();
        } catch (IllegalArgumentException e) {
            return UUID.nameUUIDFromBytes(channelId.getBytes(StandardCharsets.UTF_8)).toString();
        }
    }
}
