package io.connect8x8.internal;

import com.google.gson.JsonObject;
import io.connect8x8.BatchResult;
import io.connect8x8.Masking;
import io.connect8x8.chatapps.ChannelFallback;
import io.connect8x8.chatapps.ChatBatch;
import io.connect8x8.chatapps.ChatContent;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.ChatResult;
import io.connect8x8.chatapps.Location;
import io.connect8x8.chatapps.Template;
import io.connect8x8.chatapps.TemplateButton;
import io.connect8x8.chatapps.TemplateHeader;
import io.connect8x8.generated.messaging.api.MessagingApi;
import io.connect8x8.generated.messaging.model.BatchMessageRequest;
import io.connect8x8.generated.messaging.model.ButtonSubType;
import io.connect8x8.generated.messaging.model.ChannelOverride;
import io.connect8x8.generated.messaging.model.ChannelType;
import io.connect8x8.generated.messaging.model.ComponentType;
import io.connect8x8.generated.messaging.model.Content;
import io.connect8x8.generated.messaging.model.ContentType;
import io.connect8x8.generated.messaging.model.SingleMessageRequest;
import io.connect8x8.generated.messaging.model.SmsSettings;
import io.connect8x8.generated.messaging.model.TemplateComponent;
import io.connect8x8.generated.messaging.model.TemplateLocation;
import io.connect8x8.generated.messaging.model.TemplateParameter;
import io.connect8x8.generated.messaging.model.User;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Messaging Apps API's two kinds of request: the mapping to the generated models and the reading of the
 * answers. Every enum spelling is the generated value that matches the facade's name ({@link SpecEnums}); a value
 * the spec in use lacks (the guides' document has no interactive content type) is refused before any I/O.
 */
public final class ChatKinds {

    /** Google RCS is GoogleRCS in the guides' document and RCS in the complete one: either name finds either. */
    private static final String GOOGLE_RCS = "GoogleRCS";
    private static final String RCS = "RCS";

    private ChatKinds() {
    }

    /**
     * The single send ({@code sendMessage}).
     *
     * @param api the generated API
     * @return the kind
     */
    public static RequestKind<ChatMessage, SingleMessageRequest, ChatResult> single(MessagingApi api) {
        return new RequestKind<>(message -> List.of(RequestKind.facts(message, ChatMessage.MAX_CLIENT_MESSAGE_ID)),
                null, (message, ids) -> message(message, ids.single()),
                (subAccountId, model) -> api.sendMessageCall(subAccountId, model, null), ChatKinds::result,
                result -> RequestKind.ResultFacts.single(result.umid(), result.accepted()),
                message -> message.content().type().toLowerCase(Locale.ROOT) + " to "
                        + Masking.maskPhone(message.to()));
    }

    /**
     * The batch send ({@code sendMessageMany}).
     *
     * @param api the generated API
     * @return the kind
     */
    public static RequestKind<ChatBatch, BatchMessageRequest, BatchResult<ChatResult>> batch(MessagingApi api) {
        return new RequestKind<>(batch -> RequestKind.facts(batch.messages(), ChatMessage.MAX_CLIENT_MESSAGE_ID),
                batch -> new RequestKind.BatchFacts(batch.clientBatchId().orElse(null), ChatBatch.MAX_CLIENT_BATCH_ID,
                        null, null),
                ChatKinds::toBatch, (subAccountId, model) -> api.sendMessageManyCall(subAccountId, model, null),
                json -> RequestKind.batchResult(json, ChatKinds::result, BatchResult::new),
                RequestKind::batchFacts, batch -> "chat batch of " + batch.size());
    }

    private static BatchMessageRequest toBatch(ChatBatch batch, RequestKind.Ids ids) {
        BatchMessageRequest request = Models.create(BatchMessageRequest::new);
        request.clientBatchId(ids.batchId()).messages(RequestKind.each("messages", batch.messages(),
                (message, i) -> message(message, ids.messageIds().get(i))))
                .includeMessagesInResponse(batch.includeMessagesInResponse() ? true : null);
        batch.extras().forEach(request::putAdditionalProperty);
        return request;
    }

    /** The generated request for one message. The content type is looked up first: nothing is built for a refusal. */
    private static SingleMessageRequest message(ChatMessage message, String clientMessageId) {
        ContentType type = SpecEnums.of(ContentType.class, "type", message.content().type());
        SingleMessageRequest request = Models.create(SingleMessageRequest::new);
        User user = Models.create(User::new).msisdn(message.to());
        message.country().ifPresent(user::country);
        request.user(user);
        request.clientMessageId(clientMessageId).type(type).content(toContent(message));
        message.scheduled().ifPresent(request::scheduled);
        message.expiry().ifPresent(request::expiry);
        message.dlrCallbackUrl().ifPresent(request::dlrCallbackUrl);
        if (!message.channels().isEmpty()) {
            request.channels(RequestKind.each("channels", message.channels(), (channel, i) -> toChannel(channel)));
        }
        message.extras().forEach(request::putAdditionalProperty);
        return request;
    }

    /**
     * A channel's name for comparing two of them: its {@link SpecEnums#key}, with Google RCS's two names as one.
     *
     * @param channel the channel's name, in any casing
     * @return the key, {@code googlercs} for either name of Google RCS
     */
    public static String channelKey(String channel) {
        String key = SpecEnums.key(channel);
        return key.equals(SpecEnums.key(RCS)) ? SpecEnums.key(GOOGLE_RCS) : key;
    }

    private static ChannelOverride toChannel(ChannelFallback fallback) {
        String[] names = channelKey(fallback.channel()).equals(channelKey(GOOGLE_RCS))
                ? new String[] {fallback.channel(), GOOGLE_RCS, RCS} : new String[] {fallback.channel()};
        ChannelOverride channel = Models.create(ChannelOverride::new)
                .channel(SpecEnums.of(ChannelType.class, "channel", names));
        channel.fallbackAfter(fallback.fallbackAfter() == null ? null : (int) fallback.fallbackAfter().toSeconds());
        Models.set(channel, "successStatus", "successStatus", fallback.successStatus());
        return channel;
    }

    private static Content toContent(ChatMessage message) {
        ChatContent source = message.content();
        Content content = Models.create(Content::new).text(source.text()).url(source.url());
        if (source.location() != null) {
            Location l = source.location();
            content.location(Models.create(io.connect8x8.generated.messaging.model.Location::new)
                    .latitude(BigDecimal.valueOf(l.latitude())).longitude(BigDecimal.valueOf(l.longitude()))
                    .name(l.name()).address(l.address()));
        }
        if (source.template() != null) {
            content.template(toTemplate(source.template()));
        }
        // Members the facade does not model (interactive content, a type it has no factory for): sent as given.
        if (source.fields() != null) {
            source.fields().asMap().forEach(content::putAdditionalProperty);
        }
        message.fallbackText().ifPresent(content::fallbackText);
        if (message.smsEncoding().isPresent() || message.smsSource().isPresent()) {
            SmsSettings sms = Models.create(SmsSettings::new);
            Models.set(sms, "encoding", "content.sms.encoding", message.smsEncoding().map(ChatKinds::smsEncoding)
                    .orElse(null));
            message.smsSource().ifPresent(sms::source);
            content.sms(sms);
        }
        return content;
    }

    /**
     * The SMS fallback's encoding: the guides' document types it as a plain string, so a name the SMS API's document
     * knows is sent with that document's spelling; with an enum-typed field, {@link Models#set} checks the name.
     */
    private static String smsEncoding(String name) {
        io.connect8x8.generated.sms.model.SmsEncoding known =
                SpecEnums.find(io.connect8x8.generated.sms.model.SmsEncoding.class, name);
        return known == null ? name : known.toString();
    }

    /** Header, body, then buttons; each component is a new object: nothing is shared or reused between them. */
    private static io.connect8x8.generated.messaging.model.Template toTemplate(Template t) {
        var template = Models.create(io.connect8x8.generated.messaging.model.Template::new).name(t.name())
                .language(t.language());
        List<TemplateComponent> components = new ArrayList<>();
        if (t.header() != null) {
            components.add(component(ComponentType.HEADER, List.of(header(t.header()))));
        }
        if (!t.bodyParameters().isEmpty()) {
            components.add(component(ComponentType.BODY, t.bodyParameters().stream()
                    .map(text -> parameter("text").text(text)).toList()));
        }
        for (TemplateButton button : t.buttons()) {
            components.add(component(ComponentType.BUTTON, List.of(parameter(button.parameter())))
                    .index(button.index()).subType(SpecEnums.of(ButtonSubType.class,
                            "content.template.components.subType", button.subType())));
        }
        if (!components.isEmpty()) {
            template.components(components);
        }
        return template;
    }

    private static TemplateComponent component(ComponentType type, List<TemplateParameter> parameters) {
        return Models.create(TemplateComponent::new).type(type).parameters(new ArrayList<>(parameters));
    }

    private static TemplateParameter header(TemplateHeader header) {
        TemplateParameter parameter = parameter(header.type());
        if (header.location() != null) {
            Location l = header.location();
            parameter.location(Models.create(TemplateLocation::new).latitude(BigDecimal.valueOf(l.latitude()))
                    .longitude(BigDecimal.valueOf(l.longitude())).name(l.name()).address(l.address()));
        } else if (SpecEnums.key(header.type()).equals("text")) {
            parameter.text(header.value());
        } else {
            parameter.url(header.value());
        }
        return parameter;
    }

    /** A button's parameter as given: its type matched to the spec's spelling, its other members sent as given. */
    private static TemplateParameter parameter(JsonObject given) {
        TemplateParameter parameter = parameter(given.get("type").getAsString());
        given.entrySet().stream().filter(member -> !member.getKey().equals("type"))
                .forEach(member -> parameter.putAdditionalProperty(member.getKey(), member.getValue()));
        return parameter;
    }

    /** A parameter of the generated type matching {@code type}, in any casing. */
    private static TemplateParameter parameter(String type) {
        TemplateParameter parameter = Models.create(TemplateParameter::new);
        Models.set(parameter, "type", "content.template.components.parameters.type", type);
        return parameter;
    }

    /** One answer (single, or a batch item); the document requires no field, the facade needs the umid. */
    private static ChatResult result(JsonObject json) {
        String umid = ResponseReader.require(json, "umid");
        JsonObject status = ResponseReader.object(json, "status");
        JsonObject user = ResponseReader.object(json, "user");
        return new ChatResult(umid, ResponseReader.string(json, "clientMessageId"),
                ResponseReader.string(user, "msisdn"), ResponseReader.string(status, "state"),
                ResponseReader.string(status, "timestamp"), ResponseReader.integer(status, "errorCode"),
                ResponseReader.string(status, "errorMessage"), Access.raw(json));
    }
}
