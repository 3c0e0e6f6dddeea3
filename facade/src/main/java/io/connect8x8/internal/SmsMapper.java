package io.connect8x8.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.connect8x8.generated.sms.model.BatchSmsRequest;
import io.connect8x8.generated.sms.model.BatchSmsResponse;
import io.connect8x8.generated.sms.model.SmsRequest;
import io.connect8x8.generated.sms.model.SmsResponse;
import io.connect8x8.generated.sms.model.SmsTemplateFull;
import io.connect8x8.sms.Sms;
import io.connect8x8.sms.SmsBatch;
import io.connect8x8.sms.SmsBatchResult;
import io.connect8x8.sms.SmsEncoding;
import io.connect8x8.sms.SmsResult;
import io.connect8x8.sms.SmsTemplate;
import java.util.ArrayList;
import java.util.List;

/** Maps the facade's SMS types to the generated request models and the generated responses back. */
public final class SmsMapper {

    private SmsMapper() {
    }

    /** The generated request for one SMS; fields the minimal spec lacks go in as additional properties. */
    public static SmsRequest toRequest(Sms sms, String clientMessageId) {
        SmsRequest request = new SmsRequest();
        sms.to().ifPresent(request::destination);
        sms.text().ifPresent(request::text);
        sms.from().ifPresent(request::source);
        sms.encoding().ifPresent(e -> request.encoding(encoding(e)));
        sms.scheduled().ifPresent(request::scheduled);
        sms.expiry().ifPresent(request::expiry);
        if (clientMessageId != null) {
            request.putAdditionalProperty("clientMessageId", clientMessageId);
        }
        sms.dlrCallbackUrl().ifPresent(url -> request.putAdditionalProperty("dlrCallbackUrl", url));
        sms.country().ifPresent(country -> request.putAdditionalProperty("country", country));
        return request;
    }

    /** The generated batch request. */
    public static BatchSmsRequest toBatch(SmsBatch batch, String clientBatchId, List<String> clientMessageIds) {
        BatchSmsRequest request = new BatchSmsRequest();
        if (clientBatchId != null) {
            request.clientBatchId(clientBatchId);
        }
        if (!batch.messages().isEmpty()) {
            List<SmsRequest> messages = new ArrayList<>(batch.messages().size());
            for (int i = 0; i < batch.messages().size(); i++) {
                messages.add(toRequest(batch.messages().get(i), clientMessageIds.get(i)));
            }
            request.messages(messages);
        } else {
            request.destinations(new ArrayList<>(batch.destinations()));
        }
        batch.template().ifPresent(t -> request.template(toTemplate(t)));
        if (batch.includeMessagesInResponse()) {
            request.includeMessagesInResponse(true);
        }
        return request;
    }

    private static SmsTemplateFull toTemplate(SmsTemplate template) {
        SmsTemplateFull full = new SmsTemplateFull();
        template.text().ifPresent(full::text);
        template.from().ifPresent(full::source);
        template.encoding().ifPresent(e -> full.encoding(encoding(e)));
        template.scheduled().ifPresent(full::scheduled);
        template.expiry().ifPresent(full::expiry);
        return full;
    }

    private static io.connect8x8.generated.sms.model.SmsEncoding encoding(SmsEncoding encoding) {
        return io.connect8x8.generated.sms.model.SmsEncoding.fromValue(encoding.name());
    }

    /**
     * Reads a single-send response: the generated model checks the required fields, the raw JSON keeps enum values
     * this version does not know.
     */
    public static SmsResult toResult(JsonObject json) {
        SmsResponse response = io.connect8x8.generated.sms.JSON.getGson().fromJson(json, SmsResponse.class);
        JsonObject status = json.has("status") && json.get("status").isJsonObject()
                ? json.getAsJsonObject("status") : new JsonObject();
        return new SmsResult(response.getUmid(), response.getClientMessageId(), response.getDestination(),
                Json.string(json, "encoding"), Json.string(status, "code"), Json.string(status, "description"));
    }

    /** Reads a batch response: the batch's own fields through the generated model, each item once, by itself. */
    public static SmsBatchResult toBatchResult(JsonObject json) {
        BatchSmsResponse response = io.connect8x8.generated.sms.JSON.getGson()
                .fromJson(Json.without(json, "messages"), BatchSmsResponse.class);
        List<SmsResult> messages = new ArrayList<>();
        JsonElement list = json.get("messages");
        if (list != null && !list.isJsonNull()) {
            if (!list.isJsonArray()) {
                throw new IllegalStateException("messages is not an array");
            }
            for (JsonElement item : list.getAsJsonArray()) {
                messages.add(toResult(item.getAsJsonObject()));
            }
        }
        return new SmsBatchResult(response.getBatchId(), response.getClientBatchId(), response.getAcceptedCount(),
                response.getRejectedCount(), messages);
    }
}
