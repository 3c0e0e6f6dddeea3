package io.connect8x8.api;

import static io.connect8x8.api.MessageCalls.required;
import static io.connect8x8.internal.ResponseReader.string;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.connect8x8.ValidationException;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.Template;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A channel's WhatsApp templates (list, add, remove), and an opt-in check of a template send against the list last
 * read, without I/O: {@code client.chatApps().send(templates.check(channelId, message))}. The client caches each
 * channel's list at {@link #list(String)}; adding or removing a template drops it. From
 * {@link Operations#whatsAppTemplates()}; {@code accountId} comes from the client.
 */
public final class WhatsAppTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\d+)\\s*}}");

    private final Operations operations;
    private final Map<String, List<JsonObject>> cache;

    WhatsAppTemplates(Operations operations, Map<String, List<JsonObject>> cache) {
        this.operations = operations;
        this.cache = cache;
    }

    /**
     * Lists a channel's templates ({@code get-whatsapp-templates}) and caches them for {@link #check}.
     *
     * @param channelId the WhatsApp channel
     * @return the answer: {@code templates}, each with its name, language, status and components
     */
    public ApiResult list(String channelId) {
        ApiResult result = operations.call(OperationCall.of("messaging-apps:get-whatsapp-templates")
                .param("channelId", required("channelId", channelId)));
        cache.put(channelId, array(result.raw().asJsonObject(), "templates").stream().map(WhatsAppTemplates::object)
                .toList());
        return result;
    }

    /**
     * Submits a template for approval ({@code add-whatsapp-template}).
     *
     * @param channelId the WhatsApp channel
     * @param template the template: JSON text, a {@code JsonObject}, a {@code Map}
     * @return the answer
     */
    public ApiResult add(String channelId, Object template) {
        ApiResult result = operations.call(OperationCall.of("messaging-apps:add-whatsapp-template")
                .param("channelId", required("channelId", channelId)).body(required("body", template)));
        cache.remove(channelId);
        return result;
    }

    /**
     * Removes a template, every language of it ({@code remove-wa-template}).
     *
     * @param channelId the WhatsApp channel
     * @param templateName the template's name
     * @return the answer
     */
    public ApiResult remove(String channelId, String templateName) {
        ApiResult result = operations.call(OperationCall.of("messaging-apps:remove-wa-template")
                .param("channelId", required("channelId", channelId))
                .param("templateName", required("templateName", templateName)));
        cache.remove(channelId);
        return result;
    }

    /**
     * Checks a template send against the channel's list last read: the template must be there in the message's
     * language and approved, and the message must carry as many body parameters as its body has distinct
     * placeholders, and, when it has buttons, as many buttons as it declares.
     *
     * @param channelId the WhatsApp channel the message goes out on
     * @param message the message; one that is not a template send passes unchecked
     * @return the message, for {@code send(templates.check(channelId, message))}
     * @throws ValidationException naming the field at fault, or when the channel's list was never read
     */
    public ChatMessage check(String channelId, ChatMessage message) {
        Template template = required("message", message).content().template();
        if (template == null) {
            return message;
        }
        List<JsonObject> known = cache.get(required("channelId", channelId));
        if (known == null) {
            throw new ValidationException("content.template", "no template list of channel " + channelId
                    + " is cached: list(channelId) reads it");
        }
        JsonObject declared = known.stream().filter(t -> template.name().equals(string(t, "templateName"))
                && template.language().equals(string(t, "language"))).reduce((a, b) -> b).orElseThrow(
                    () -> new ValidationException("content.template.name", "'" + template.name() + "' in "
                            + template.language() + " is not a template of channel " + channelId));
        String status = string(declared, "status");
        if (status != null && !status.equalsIgnoreCase("APPROVED")) {
            throw new ValidationException("content.template.name", "'" + template.name() + "' is " + status
                    + ", not approved");
        }
        long parameters = 0;
        int buttons = 0;
        for (JsonElement c : array(declared, "components")) {
            String type = string(object(c), "type");
            if ("BODY".equalsIgnoreCase(type) && string(object(c), "text") != null) {
                parameters = PLACEHOLDER.matcher(string(object(c), "text")).results().map(m -> m.group(1)).distinct()
                        .count();
            } else if ("BUTTONS".equalsIgnoreCase(type)) {
                buttons = array(object(c), "buttons").size();
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

    private static List<JsonElement> array(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e != null && e.isJsonArray() ? e.getAsJsonArray().asList() : List.of();
    }

    private static JsonObject object(JsonElement e) {
        return e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }
}
