package io.connect8x8.campaigns.internal;

import io.connect8x8.BatchResult;
import io.connect8x8.Connect8x8Client;
import io.connect8x8.Masking;
import io.connect8x8.RequestOptions;
import io.connect8x8.RequestPreview;
import io.connect8x8.ValidationException;
import io.connect8x8.sms.Sms;
import io.connect8x8.sms.SmsBatch;
import io.connect8x8.sms.SmsResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** SMS: 10,000 a request, and the batch template holds the text, sender and encoding the chunk's messages share. */
public final class SmsKind implements MessageKind<Sms> {

    /** Field names, brackets and commas of one message object, beyond its values. */
    private static final int MESSAGE_OVERHEAD = 160;

    private final Connect8x8Client client;

    /**
     * Makes the SMS kind of a campaign, sending through the given client's one send pipeline.
     *
     * @param client the client whose batch call sends every chunk
     */
    public SmsKind(Connect8x8Client client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public int maxMessages() {
        return SmsBatch.MAX_MESSAGES;
    }

    @Override
    public int maxClientBatchId() {
        return SmsBatch.MAX_CLIENT_BATCH_ID;
    }

    @Override
    public int maxClientMessageId() {
        return Sms.MAX_CLIENT_MESSAGE_ID;
    }

    @Override
    public String clientMessageId(Sms message) {
        return message.clientMessageId().orElse(null);
    }

    @Override
    public Sms withClientMessageId(Sms message, String clientMessageId) {
        return message.toBuilder().clientMessageId(clientMessageId).build();
    }

    @Override
    public boolean timed(Sms message) {
        return message.scheduled().isPresent() || message.expiry().isPresent();
    }

    @Override
    public List<ValidationException> validate(Sms message, RequestOptions options) {
        return client.sms().validate(message, options);
    }

    @Override
    public int estimatedBytes(Sms m) {
        return MESSAGE_OVERHEAD + JsonSize.of(m.to().orElse(null)) + JsonSize.of(m.text().orElse(null))
                + JsonSize.of(m.from().orElse(null)) + JsonSize.of(m.clientMessageId().orElse(null))
                + JsonSize.of(m.dlrCallbackUrl().orElse(null)) + JsonSize.of(m.country().orElse(null))
                + (m.scheduled().isPresent() ? 40 : 0) + (m.expiry().isPresent() ? 40 : 0);
    }

    @Override
    public String identity(Sms m) {
        return m.clientMessageId().orElse("") + '\u0001' + m.to().orElse("") + '\u0001' + m.text().orElse("");
    }

    @Override
    public BatchAnswer send(List<Sms> messages, String clientBatchId, RequestOptions options) {
        BatchResult<SmsResult> result = client.sms().sendBatch(toBatch(messages, clientBatchId), options);
        List<RejectedItem> rejections = new ArrayList<>();
        for (int i = 0; i < result.messages().size(); i++) {
            SmsResult item = result.messages().get(i);
            if ("REJECTED".equalsIgnoreCase(item.status())) {
                // SMS gives no code for a message of a batch, only the status's description.
                rejections.add(new RejectedItem(i, item.clientMessageId(), Masking.maskPhone(item.destination()),
                        null, item.description()));
            }
        }
        return new BatchAnswer(result.batchId(), result.acceptedCount(), result.rejectedCount(), rejections);
    }

    @Override
    public String recipient(Sms message) {
        return message.to().orElse(null);
    }

    @Override
    public RequestPreview preview(List<Sms> messages, String clientBatchId) {
        return client.sms().preview(toBatch(messages, clientBatchId));
    }

    /** Moves the text, sender and encoding that every message shares into the template, once for the request. */
    static SmsBatch toBatch(List<Sms> messages, String clientBatchId) {
        String text = shared(messages, m -> m.text().orElse(null));
        String from = shared(messages, m -> m.from().orElse(null));
        String encoding = shared(messages, m -> m.encodingAsString().orElse(null));
        SmsBatch.Builder batch = SmsBatch.builder().clientBatchId(clientBatchId).includeMessagesInResponse(true);
        if (text != null || from != null || encoding != null) {
            batch.template(Sms.builder().text(text).from(from).encoding(encoding).build());
        }
        for (Sms sms : messages) {
            if (text == null && from == null && encoding == null) {
                batch.addMessage(sms);
                continue;
            }
            Sms.Builder builder = sms.toBuilder();
            if (text != null) {
                builder.text(null);
            }
            if (from != null) {
                builder.from(null);
            }
            if (encoding != null) {
                builder.encoding((String) null);
            }
            batch.addMessage(builder.build());
        }
        return batch.build();
    }

    private static <T> T shared(List<Sms> messages, Function<Sms, T> field) {
        T first = field.apply(messages.get(0));
        if (first == null || messages.size() < 2) {
            return null;
        }
        for (Sms sms : messages) {
            if (!first.equals(field.apply(sms))) {
                return null;
            }
        }
        return first;
    }
}
