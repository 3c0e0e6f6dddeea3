package io.connect8x8.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.connect8x8.chatapps.ChannelFallback;
import io.connect8x8.chatapps.ChatBatch;
import io.connect8x8.chatapps.ChatBatchResult;
import io.connect8x8.chatapps.ChatContent;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.ChatResult;
import io.connect8x8.chatapps.Location;
import io.connect8x8.chatapps.Template;
import io.connect8x8.chatapps.TemplateButton;
import io.connect8x8.chatapps.TemplateHeader;
import io.connect8x8.generated.messaging.JSON;
import io.connect8x8.generated.messaging.model.BatchMessageRequest;
import io.connect8x8.generated.messaging.model.BatchMessageResponse;
import io.connect8x8.generated.messaging.model.ButtonSubType;
import io.connect8x8.generated.messaging.model.ChannelOverride;
import io.connect8x8.generated.messaging.model.ChannelType;
import io.connect8x8.generated.messaging.model.ComponentType;
import io.connect8x8.generated.messaging.model.Content;
import io.connect8x8.generated.messaging.model.ContentType;
import io.connect8x8.generated.messaging.model.ParameterType;
import io.connect8x8.generated.messaging.model.SingleMessageRequest;
import io.connect8x8.generated.messaging.model.SmsSettings;
import io.connect8x8.generated.messaging.model.TemplateComponent;
import io.connect8x8.generated.messaging.model.TemplateLocation;
import io.connect8x8.generated.messaging.model.TemplateParameter;
import io.connect8x8.generated.messaging.model.User;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps the facade's chat-apps types to the generated request models, always with the spec's enum spellings
 * ({@code Template}, {@code body}, {@code button}, {@code Url}), and the generated responses back.
 */
public final class ChatMapper {

    private ChatMapper() {
    }

    /** The generated request for one message. */
    public static SingleMessageRequest toRequest(ChatMessage message, String clientMessageId) {
        SingleMessageRequest request = new SingleMessageRequest();
        User user = new User().msisdn(message.to());
        message.country().ifPresent(user::country);
        request.user(user);
        if (clientMessageId != null) {
            request.clientMessageId(clientMessageId);
        }
        ChatContent content = message.content();
        if (content.kind() == ChatContent.Kind.INTERACTIVE) {
            // The guide's document has no Interactive type; the live API takes it.
            request.putAdditionalProperty("type", content.kind().wireName());
        } else {
            request.type(ContentType.fromValue(content.kind().wireName()));
        }
        request.content(toContent(message));
        message.scheduled().ifPresent(request::scheduled);
        message.expiry().ifPresent(request::expiry);
        message.dlrCallbackUrl().ifPresent(request::dlrCallbackUrl);
        if (!message.channels().isEmpty()) {
            List<ChannelOverride> channels = new ArrayList<>();
            for (ChannelFallback fallback : message.channels()) {
                channels.add(toChannel(fallback));
            }
            request.channels(channels);
        }
        return request;
    }

    private static ChannelOverride toChannel(ChannelFallback fallback) {
        ChannelOverride channel = new ChannelOverride().channel(ChannelType.fromValue(fallback.channel().wireName()));
        if (fallback.fallbackAfter() != null) {
            channel.fallbackAfter((int) fallback.fallbackAfter().toSeconds());
        }
        if (fallback.successStatus() != null) {
            channel.successStatus(
                    io.connect8x8.generated.messaging.model.SuccessStatus.fromValue(
                            fallback.successStatus().wireName()));
        }
        return channel;
    }

    private static Content toContent(ChatMessage message) {
        ChatContent source = message.content();
        Content content = new Content();
        source.text().ifPresent(content::text);
        source.url().ifPresent(content::url);
        source.location().ifPresent(l -> content.location(toLocation(l)));
        source.template().ifPresent(t -> content.template(toTemplate(t)));
        source.interactive().ifPresent(json -> content.putAdditionalProperty("interactive", json));
        message.fallbackText().ifPresent(content::fallbackText);
        if (message.smsEncoding().isPresent() || message.smsSource().isPresent()) {
            SmsSettings sms = new SmsSettings();
            message.smsEncoding().ifPresent(e -> sms.encoding(e.name()));
            message.smsSource().ifPresent(sms::source);
            content.sms(sms);
        }
        return content;
    }

    private static io.connect8x8.generated.messaging.model.Location toLocation(Location l) {
        return new io.connect8x8.generated.messaging.model.Location()
                .latitude(BigDecimal.valueOf(l.latitude())).longitude(BigDecimal.valueOf(l.longitude()))
                .name(l.name()).address(l.address());
    }

    /** Each component is a new object: nothing is shared or reused between components. */
    private static io.connect8x8.generated.messaging.model.Template toTemplate(Template t) {
        var template = new io.connect8x8.generated.messaging.model.Template().name(t.name()).language(t.language());
        List<TemplateComponent> components = new ArrayList<>();
        t.header().ifPresent(h -> components.add(new TemplateComponent().type(ComponentType.HEADER)
                .parameters(new ArrayList<>(List.of(headerParameter(h))))));
        if (!t.bodyParameters().isEmpty()) {
            List<TemplateParameter> parameters = new ArrayList<>();
            for (String value : t.bodyParameters()) {
                parameters.add(new TemplateParameter().type(ParameterType.TEXT).text(value));
            }
            components.add(new TemplateComponent().type(ComponentType.BODY).parameters(parameters));
        }
        for (TemplateButton button : t.buttons()) {
            components.add(new TemplateComponent().type(ComponentType.BUTTON)
                    .parameters(new ArrayList<>(List.of(buttonParameter(button))))
                    .index(button.index())
                    .subType(ButtonSubType.fromValue(button.kind().subType())));
        }
        if (!components.isEmpty()) {
            template.components(components);
        }
        return template;
    }

    private static TemplateParameter headerParameter(TemplateHeader header) {
        TemplateParameter parameter = new TemplateParameter()
                .type(ParameterType.fromValue(header.kind().wireName()));
        switch (header.kind()) {
            case TEXT -> parameter.text(header.value());
            case LOCATION -> {
                Location l = header.location();
                parameter.location(new TemplateLocation().latitude(BigDecimal.valueOf(l.latitude()))
                        .longitude(BigDecimal.valueOf(l.longitude())).name(l.name()).address(l.address()));
            }
            default -> parameter.url(header.value());
        }
        return parameter;
    }

    private static TemplateParameter buttonParameter(TemplateButton button) {
        TemplateParameter parameter = new TemplateParameter()
                .type(ParameterType.fromValue(button.kind().parameterType()));
        switch (button.kind()) {
            case URL -> parameter.text(button.value());
            case QUICK_REPLY -> parameter.payload(button.value());
            case COPY_CODE -> parameter.couponCode(button.value());
            default -> throw new IllegalStateException(button.kind().name());
        }
        return parameter;
    }

    /** The generated batch request. */
    public static BatchMessageRequest toBatch(ChatBatch batch, String clientBatchId, List<String> clientMessageIds) {
        BatchMessageRequest request = new BatchMessageRequest();
        if (clientBatchId != null) {
            request.clientBatchId(clientBatchId);
        }
        List<SingleMessageRequest> messages = new ArrayList<>(batch.messages().size());
        for (int i = 0; i < batch.messages().size(); i++) {
            messages.add(toRequest(batch.messages().get(i), clientMessageIds.get(i)));
        }
        request.messages(messages);
        if (batch.includeMessagesInResponse()) {
            request.includeMessagesInResponse(true);
        }
        return request;
    }

    /**
     * Reads a single-send response from the raw JSON: the document requires no field, and a value this version
     * cannot parse (a timestamp in another format) must not lose a queued message's umid.
     */
    public static ChatResult toResult(JsonObject json) {
        String umid = Json.string(json, "umid");
        if (umid == null) {
            throw new IllegalStateException("the required field umid is missing");
        }
        JsonObject status = json.has("status") && json.get("status").isJsonObject()
                ? json.getAsJsonObject("status") : new JsonObject();
        JsonObject user = json.has("user") && json.get("user").isJsonObject()
                ? json.getAsJsonObject("user") : new JsonObject();
        return new ChatResult(umid, Json.string(json, "clientMessageId"), Json.string(user, "msisdn"),
                Json.string(status, "state"), Json.string(status, "timestamp"),
                Json.integer(status, "errorCode"), Json.string(status, "errorMessage"));
    }

    /** Reads a batch response. */
    public static ChatBatchResult toBatchResult(JsonObject json) {
        // The items are read one by one below, leniently; the generated model checks the batch's own fields.
        JsonObject batchFields = Json.without(json, "messages");
        BatchMessageResponse response = JSON.getGson().fromJson(batchFields, BatchMessageResponse.class);
        if (response.getBatchId() == null) {
            throw new IllegalStateException("the required field batchId is missing");
        }
        List<ChatResult> messages = new ArrayList<>();
        JsonElement list = json.get("messages");
        if (list != null && list.isJsonArray()) {
            for (JsonElement item : list.getAsJsonArray()) {
                messages.add(toResult(item.getAsJsonObject()));
            }
        }
        return new ChatBatchResult(response.getBatchId(), response.getClientBatchId(),
                response.getAcceptedCount() == null ? 0 : response.getAcceptedCount(),
                response.getRejectedCount() == null ? 0 : response.getRejectedCount(), messages);
    }
}
