package io.connect8x8.internal;

import com.google.gson.JsonObject;
import io.connect8x8.ValidationException;
import io.connect8x8.generated.sms.api.SmsApi;
import io.connect8x8.generated.sms.model.BatchSmsRequest;
import io.connect8x8.generated.sms.model.SmsEncoding;
import io.connect8x8.generated.sms.model.SmsRequest;
import io.connect8x8.generated.sms.model.SmsTemplateFull;
import io.connect8x8.sms.Sms;
import io.connect8x8.sms.SmsBatch;
import io.connect8x8.sms.SmsBatchResult;
import io.connect8x8.sms.SmsResult;
import io.connect8x8.sms.SmsTemplate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The SMS API's two kinds of request: the mapping from the facade's types to the generated models (field names
 * from the generated setters, enum spellings from the generated enums) and the reading of the answers.
 */
public final class SmsKinds {

    private SmsKinds() {
    }

    /**
     * The single send ({@code sendSmsSingle}).
     *
     * @param api the generated API
     * @return the kind
     */
    public static RequestKind<Sms, SmsRequest, SmsResult> single(SmsApi api) {
        return new RequestKind<>() {
            @Override
            public List<MessageFacts> messages(Sms sms) {
                if (sms.to().isEmpty()) {
                    throw new io.connect8x8.ValidationException("destination", "is required");
                }
                if (sms.text().isEmpty()) {
                    throw new io.connect8x8.ValidationException("text", "is required");
                }
                return List.of(facts(sms));
            }

            @Override
            public BatchFacts batch(Sms sms) {
                return null;
            }

            @Override
            public SmsRequest toModel(Sms sms, Ids ids) {
                return message(sms, sms.text().orElseThrow(), ids.single());
            }

            @Override
            public okhttp3.Call call(String subAccountId, SmsRequest model) throws Exception {
                return api.sendSmsSingleCall(subAccountId, model, null);
            }

            @Override
            public ResultFacts resultFacts(SmsResult result) {
                return ResultFacts.single(result.umid(), result.accepted());
            }

            @Override
            public SmsResult read(JsonObject json) {
                return result(json);
            }

            @Override
            public String describe(Sms sms) {
                return "sms to " + Redaction.maskPhone(sms.to().orElse(null));
            }
        };
    }

    /**
     * The batch send ({@code sendManySms}). One text to many numbers goes out as {@code messages} (which both of
     * 8x8's documents require), each with the template's text; a message without its own text gets the template's.
     *
     * @param api the generated API
     * @return the kind
     */
    public static RequestKind<SmsBatch, BatchSmsRequest, SmsBatchResult> batch(SmsApi api) {
        return new RequestKind<>() {
            @Override
            public List<MessageFacts> messages(SmsBatch batch) {
                List<MessageFacts> facts = new ArrayList<>(batch.size());
                for (Sms sms : batch.messages()) {
                    facts.add(facts(sms));
                }
                for (int i = 0; i < batch.destinations().size(); i++) {
                    facts.add(new MessageFacts(null, null, null, Sms.MAX_CLIENT_MESSAGE_ID));
                }
                return facts;
            }

            @Override
            public BatchFacts batch(SmsBatch batch) {
                OffsetDateTime scheduled = batch.template().flatMap(SmsTemplate::scheduled).orElse(null);
                OffsetDateTime expiry = batch.template().flatMap(SmsTemplate::expiry).orElse(null);
                return new BatchFacts(batch.clientBatchId().orElse(null), SmsBatch.MAX_CLIENT_BATCH_ID, scheduled,
                        expiry);
            }

            @Override
            public BatchSmsRequest toModel(SmsBatch batch, Ids ids) {
                return toBatch(batch, ids);
            }

            @Override
            public okhttp3.Call call(String subAccountId, BatchSmsRequest model) throws Exception {
                return api.sendManySmsCall(subAccountId, model, null);
            }

            @Override
            public ResultFacts resultFacts(SmsBatchResult result) {
                return new ResultFacts(null, result.batchId(), result.acceptedCount(), result.rejectedCount());
            }

            @Override
            public SmsBatchResult read(JsonObject json) {
                var parts = ResponseReader.batch(json, SmsKinds::result);
                return new SmsBatchResult(parts.batchId(), parts.clientBatchId(), parts.acceptedCount(),
                        parts.rejectedCount(), parts.messages(), parts.raw());
            }

            @Override
            public String describe(SmsBatch batch) {
                return "sms batch of " + batch.size();
            }
        };
    }

    private static RequestKind.MessageFacts facts(Sms sms) {
        return new RequestKind.MessageFacts(sms.scheduled().orElse(null), sms.expiry().orElse(null),
                sms.clientMessageId().orElse(null), Sms.MAX_CLIENT_MESSAGE_ID);
    }

    /** One message; the fields the guides' document lacks go in as additional properties (docs/architecture.md). */
    private static SmsRequest message(Sms sms, String text, String clientMessageId) {
        SmsRequest request = Models.create(SmsRequest::new);
        sms.to().ifPresent(request::destination);
        request.text(text);
        sms.from().ifPresent(request::source);
        sms.encodingAsString().ifPresent(e -> request.encoding(SpecEnums.of(SmsEncoding.class, "encoding", e)));
        sms.scheduled().ifPresent(request::scheduled);
        sms.expiry().ifPresent(request::expiry);
        Models.set(request, "country", "country", sms.country().orElse(null));
        Models.set(request, "clientMessageId", "clientMessageId", clientMessageId);
        Models.set(request, "dlrCallbackUrl", "dlrCallbackUrl", sms.dlrCallbackUrl().orElse(null));
        Extras.apply(sms.extras(), request::putAdditionalProperty);
        return request;
    }

    private static BatchSmsRequest toBatch(SmsBatch batch, RequestKind.Ids ids) {
        BatchSmsRequest request = Models.create(BatchSmsRequest::new);
        if (ids.batchId() != null) {
            request.clientBatchId(ids.batchId());
        }
        String templateText = batch.template().flatMap(SmsTemplate::text).orElse(null);
        List<SmsRequest> messages = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.messages().size(); i++) {
            Sms sms = batch.messages().get(i);
            try {
                messages.add(message(sms, sms.text().orElse(templateText), ids.messageIds().get(i)));
            } catch (ValidationException e) {
                throw e.within("messages[" + i + "]");
            }
        }
        int offset = batch.messages().size();
        for (int i = 0; i < batch.destinations().size(); i++) {
            SmsRequest message = Models.create(SmsRequest::new).destination(batch.destinations().get(i)).text(templateText);
            Models.set(message, "clientMessageId", "clientMessageId", ids.messageIds().get(offset + i));
            messages.add(message);
        }
        request.messages(messages);
        batch.template().ifPresent(t -> request.template(toTemplate(t)));
        if (batch.includeMessagesInResponse()) {
            request.includeMessagesInResponse(true);
        }
        Extras.apply(batch.extras(), request::putAdditionalProperty);
        return request;
    }

    private static SmsTemplateFull toTemplate(SmsTemplate template) {
        SmsTemplateFull full = Models.create(SmsTemplateFull::new);
        template.text().ifPresent(full::text);
        template.from().ifPresent(full::source);
        template.encodingAsString().ifPresent(e -> full.encoding(SpecEnums.of(SmsEncoding.class, "template.encoding",
                e)));
        template.scheduled().ifPresent(full::scheduled);
        template.expiry().ifPresent(full::expiry);
        return full;
    }

    /** One answer (single, or a batch item): enum values and formats this version does not know kept as text. */
    private static SmsResult result(JsonObject json) {
        String umid = ResponseReader.require(json, "umid");
        JsonObject status = ResponseReader.object(json, "status");
        return new SmsResult(umid, ResponseReader.string(json, "clientMessageId"),
                ResponseReader.string(json, "destination"), ResponseReader.string(json, "encoding"),
                ResponseReader.string(status, "code"), ResponseReader.string(status, "description"),
                Access.raw(json));
    }
}
