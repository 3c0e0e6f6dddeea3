package io.connect8x8.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.connect8x8.ValidationException;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.Template;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A channel's WhatsApp templates ({@code get-whatsapp-templates}, {@code add-whatsapp-template},
 * {@code remove-wa-template}), and an opt-in check of a template send against the list last read, before any I/O:
 * {@code client.chatApps().send(templates.check(channelId, message))}. The list is cached per channel by the client
 * (one read per {@link #list(String)}); adding or removing a template drops it. From
 * {@link Operations#whatsAppTemplates()}; {@code accountId} comes from the client.
 */
public final class WhatsAppTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\d+)\\s*}}");

    /** A channel's templates as last listed. */
    record Cache(List<JsonObject> templates) {
    }

    private final Operations operations;
    private final Map<String, Cache> cache;

    WhatsAppTemplates(Operations operations, Map<String, Cache> cache) {
        this.operations = operations;
        this.cache = cache;
    }

    /**
     * Lists a channel's templates and caches them for {@link #check(String, ChatMessage)}.
     *
     * @param channelId the WhatsApp channel
     * @return the answer: {@code templates}, each with its name, language, status and components
     */
    public ApiResult list(String channelId) {
        ApiResult result = operations.call(OperationCall.of("messaging-apps:get-whatsapp-templates")
                .param("channelId", MessageCalls.required("channelId", channelId)));
        List<JsonObject> templates = new ArrayList<>();
        JsonElement list = result.raw().asJsonObject().get("templates");
        if (list != null && list.isJsonArray()) {
            list.getAsJsonArray().forEach(t -> {
                if (t.isJsonObject()) {
                    templates.add(t.getAsJsonObject());
                }
            });
        }
        cache.put(channelId, new Cache(List.copyOf(templates)));
        return result;
    }

    /**
     * Submits a template for approval.
     *
     * @param channelId the WhatsApp channel
     * @param template the template as the document declares it (JSON text, a {@code JsonObject}, a {@code Map})
     * @return the answer
     */
    public ApiResult add(String channelId, Object template) {
        ApiResult result = operations.call(OperationCall.of("messaging-apps:add-whatsapp-template")
                .param("channelId", MessageCalls.required("channelId", channelId))
                .body(MessageCalls.required("body", template)));
        cache.remove(channelId);
        return result;
    }

    /**
     * Removes a template (every language of it).
     *
     * @param channelId the WhatsApp channel
     * @param templateName the template's name
     * @return the answer
     */
    public ApiResult remove(String channelId, String templateName) {
        ApiResult result = operations.call(OperationCall.of("messaging-apps:remove-wa-template")
                .param("channelId", MessageCalls.required("channelId", channelId))
                .param("templateName", MessageCalls.required("templateName", templateName)));
        cache.remove(channelId);
        return result;
    }

    /**
     * Checks a template send against the channel's list last read by {@link #list(String)}, without I/O: the
     * template must be there in the message's language, approved, and the message must carry as many body
     * parameters as its body declares placeholders, and as many buttons as it declares.
     *
     * @param channelId the WhatsApp channel the message goes out on
     * @param message the message; one that is not a template send passes unchecked
     * @return the message, for {@code send(templates.check(channelId, message))}
     * @throws ValidationException naming the field at fault, or when the channel's list was never read
     */
    public ChatMessage check(String channelId, ChatMessage message) {
        Template template = message.content().template().orElse(null);
        if (template == null) {
            return message;
        }
        Cache known = cache.get(channelId);
        if (known == null) {
            throw new ValidationException("content.template", "no template list of channel " + channelId
                    + " is cached: list(channelId) reads it");
        }
        JsonObject declared = null;
        for (JsonObject t : known.templates()) {
            if (template.name().equals(text(t, "templateName")) && template.language().equals(text(t, "language"))) {
                declared = t;
            }
        }
        if (declared == null) {
            throw new ValidationException("content.template.name", "'" + template.name() + "' in "
                    + template.language() + " is not a template of channel " + channelId);
        }
        String status = text(declared, "status");
        if (status != null && !status.equalsIgnoreCase("APPROVED")) {
            throw new ValidationException("content.template.name", "'" + template.name() + "' is " + status
                    + ", not approved");
        }
        int parameters = 0;
        int buttons = 0;
        JsonElement components = declared.get("components");
        if (components != null && components.isJsonArray()) {
            for (JsonElement c : components.getAsJsonArray()) {
                JsonObject component = c.isJsonObject() ? c.getAsJsonObject() : new JsonObject();
                String type = text(component, "type");
                if ("BODY".equalsIgnoreCase(type)) {
                    parameters = placeholders(text(component, "text"));
                } else if ("BUTTONS".equalsIgnoreCase(type) && component.has("buttons")
                        && component.get("buttons").isJsonArray()) {
                    buttons = component.getAsJsonArray("buttons").size();
                }
            }
        }
        if (template.bodyParameters().size() != parameters) {
            throw new ValidationException("content.template.components.body.parameters", "has "
                    + template.bodyParameters().size() + " parameters; the approved template declares " + parameters);
        }
        if (!template.buttons().isEmpty() && template.buttons().size() != buttons) {
            throw new ValidationException("content.template.components.buttons", "has " + template.buttons().size()
                    + " buttons; the approved template declares " + buttons);
        }
        return message;
    }

    private static int placeholders(String text) {
        if (text == null) {
            return 0;
        }
        Set<String> distinct = new HashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            distinct.add(m.group(1));
        }
        return distinct.size();
    }

    private static String text(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }
}
