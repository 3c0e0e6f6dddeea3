package io.connect8x8.internal;

import com.google.gson.JsonObject;
import io.connect8x8.Masking;
import io.connect8x8.BatchResult;
import io.connect8x8.ValidationException;
import io.connect8x8.generated.sms.api.SmsApi;
import io.connect8x8.generated.sms.model.BatchSmsRequest;
import io.connect8x8.generated.sms.model.SmsEncoding;
import io.connect8x8.generated.sms.model.SmsRequest;
import io.connect8x8.generated.sms.model.SmsTemplateFull;
import io.connect8x8.internal.RequestKind.BatchFacts;
import io.connect8x8.internal.RequestKind.MessageFacts;
import io.connect8x8.internal.RequestKind.ResultFacts;
import io.connect8x8.sms.Sms;
import io.connect8x8.sms.SmsBatch;
import io.connect8x8.sms.SmsResult;
import java.util.Collections;
import java.util.List;

/**
 * The SMS API's two kinds of request: the mapping to the generated models (field names from the generated setters,
 * enum spellings from the generated enums) and the reading of the answers.
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
        return new RequestKind<>(sms -> List.of(RequestKind.facts(required(sms), Sms.MAX_CLIENT_MESSAGE_ID)),
                null, (sms, ids) -> message(sms, sms.text().orElseThrow(), ids.single()),
                (subAccountId, model) -> api.sendSmsSingleCall(subAccountId, model, null), SmsKinds::result,
                result -> ResultFacts.single(result.umid(), result.accepted()),
                sms -> "sms to " + Masking.maskPhone(sms.to().orElse(null)));
    }

    /**
     * The batch send ({@code sendManySms}). One text to many numbers goes out as {@code messages} (which both of
     * 8x8's documents require), each with the template's text; a message without its own text gets the template's.
     *
     * @param api the generated API
     * @return the kind
     */
    public static RequestKind<SmsBatch, BatchSmsRequest, BatchResult<SmsResult>> batch(SmsApi api) {
        return new RequestKind<>(batch -> {
            List<MessageFacts> facts = RequestKind.facts(batch.messages(), Sms.MAX_CLIENT_MESSAGE_ID);
            facts.addAll(Collections.nCopies(batch.destinations().size(),
                    new MessageFacts(null, null, null, Sms.MAX_CLIENT_MESSAGE_ID)));
            return facts;
        }, batch -> new BatchFacts(batch.clientBatchId().orElse(null), SmsBatch.MAX_CLIENT_BATCH_ID,
                batch.template().flatMap(Sms::scheduled).orElse(null),
                batch.template().flatMap(Sms::expiry).orElse(null)),
                SmsKinds::toBatch, (subAccountId, model) -> api.sendManySmsCall(subAccountId, model, null),
                json -> RequestKind.batchResult(json, SmsKinds::result, BatchResult::new),
                RequestKind::batchFacts, batch -> "sms batch of " + batch.size());
    }

    private static Sms required(Sms sms) {
        if (sms.to().isEmpty()) {
            throw new ValidationException("destination", "is required");
        }
        if (sms.text().isEmpty()) {
            throw new ValidationException("text", "is required");
        }
        return sms;
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
        sms.extras().forEach(request::putAdditionalProperty);
        return request;
    }

    private static BatchSmsRequest toBatch(SmsBatch batch, RequestKind.Ids ids) {
        BatchSmsRequest request = Models.create(BatchSmsRequest::new);
        if (ids.batchId() != null) {
            request.clientBatchId(ids.batchId());
        }
        String templateText = batch.template().flatMap(Sms::text).orElse(null);
        List<SmsRequest> messages = RequestKind.each("messages", batch.messages(),
                (sms, i) -> message(sms, sms.text().orElse(templateText), ids.messageIds().get(i)));
        int offset = batch.messages().size();
        for (int i = 0; i < batch.destinations().size(); i++) {
            SmsRequest message = Models.create(SmsRequest::new).destination(batch.destinations().get(i))
                    .text(templateText);
            Models.set(message, "clientMessageId", "clientMessageId", ids.messageIds().get(offset + i));
            messages.add(message);
        }
        request.messages(messages);
        batch.template().ifPresent(t -> request.template(toTemplate(t)));
        if (batch.includeMessagesInResponse()) {
            request.includeMessagesInResponse(true);
        }
        batch.extras().forEach(request::putAdditionalProperty);
        return request;
    }

    private static SmsTemplateFull toTemplate(Sms template) {
        SmsTemplateFull full = Models.create(SmsTemplateFull::new);
        template.text().ifPresent(full::text);
        template.from().ifPresent(full::source);
        template.encodingAsString()
                .ifPresent(e -> full.encoding(SpecEnums.of(SmsEncoding.class, "template.encoding", e)));
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
