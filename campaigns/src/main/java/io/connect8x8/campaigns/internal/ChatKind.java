package io.connect8x8.campaigns.internal;

import io.connect8x8.BatchResult;
import io.connect8x8.Connect8x8Client;
import io.connect8x8.Masking;
import io.connect8x8.RequestOptions;
import io.connect8x8.RequestPreview;
import io.connect8x8.ValidationException;
import io.connect8x8.chatapps.ChatBatch;
import io.connect8x8.chatapps.ChatContent;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.ChatResult;
import io.connect8x8.chatapps.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Messaging Apps: 1,000 a request; the API has no batch template, so each message travels whole. */
public final class ChatKind implements MessageKind<ChatMessage> {

    private final Connect8x8Client client;

    /**
     * Makes the Messaging Apps kind of a campaign, sending through the given client's one send pipeline.
     *
     * @param client the client whose batch call sends every chunk
     */
    public ChatKind(Connect8x8Client client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public int maxMessages() {
        return ChatBatch.MAX_MESSAGES;
    }

    @Override
    public int maxClientBatchId() {
        return ChatBatch.MAX_CLIENT_BATCH_ID;
    }

    @Override
    public int maxClientMessageId() {
        return ChatMessage.MAX_CLIENT_MESSAGE_ID;
    }

    @Override
    public String clientMessageId(ChatMessage message) {
        return message.clientMessageId().orElse(null);
    }

    @Override
    public ChatMessage withClientMessageId(ChatMessage message, String clientMessageId) {
        return message.toBuilder().clientMessageId(clientMessageId).build();
    }

    @Override
    public boolean timed(ChatMessage message) {
        return message.scheduled().isPresent() || message.expiry().isPresent();
    }

    @Override
    public List<ValidationException> validate(ChatMessage message, RequestOptions options) {
        return client.chatApps().validate(message, options);
    }

    /** Field names, brackets and fixed-size values (channels, times, numbers) of one message, beyond its texts. */
    private static final int MESSAGE_OVERHEAD = 512;
    /** A field name and its punctuation, for each text value. */
    private static final int FIELD_OVERHEAD = 24;

    @Override
    public int estimatedBytes(ChatMessage message) {
        // Field by field, not by writing the request: a preview per message would cost more than the send.
        int bytes = MESSAGE_OVERHEAD;
        for (String value : values(message)) {
            bytes += FIELD_OVERHEAD + JsonSize.of(value);
        }
        return bytes + 64 * message.channels().size();
    }

    @Override
    public String identity(ChatMessage message) {
        return String.join("\u0001", values(message));
    }

    /** Every text the message carries, in a fixed order. */
    private static List<String> values(ChatMessage m) {
        List<String> values = new ArrayList<>();
        values.add(m.clientMessageId().orElse(""));
        values.add(m.to());
        values.add(m.fallbackText().orElse(""));
        values.add(m.dlrCallbackUrl().orElse(""));
        ChatContent content = m.content();
        values.add(content.type());
        if (content.fields() != null) {
            values.add(content.fields().toString());
        }
        values.add(Objects.toString(content.text(), ""));
        values.add(Objects.toString(content.url(), ""));
        if (content.location() != null) {
            values.add(content.location().toString());
        }
        Template t = content.template();
        if (t != null) {
            values.add(t.name());
            values.add(t.language());
            if (t.header() != null) {
                values.add(t.header().type() + " " + t.header().value());
            }
            values.addAll(t.bodyParameters());
            t.buttons().forEach(b -> values.add(b.subType() + " " + b.index() + " " + b.parameter()));
        }
        return values;
    }

    @Override
    public BatchAnswer send(List<ChatMessage> messages, String clientBatchId, RequestOptions options) {
        BatchResult<ChatResult> result = client.chatApps().sendBatch(toBatch(messages, clientBatchId), options);
        List<RejectedItem> rejections = new ArrayList<>();
        for (int i = 0; i < result.messages().size(); i++) {
            ChatResult item = result.messages().get(i);
            if (!item.accepted()) {
                rejections.add(new RejectedItem(i, item.clientMessageId(), Masking.maskPhone(item.msisdn()),
                        item.errorCode(), item.errorMessage()));
            }
        }
        return new BatchAnswer(result.batchId(), result.acceptedCount(), result.rejectedCount(), rejections);
    }

    @Override
    public String recipient(ChatMessage message) {
        return message.to();
    }

    @Override
    public RequestPreview preview(List<ChatMessage> messages, String clientBatchId) {
        return client.chatApps().preview(toBatch(messages, clientBatchId));
    }

    private static ChatBatch toBatch(List<ChatMessage> messages, String clientBatchId) {
        ChatBatch.Builder batch = ChatBatch.builder().clientBatchId(clientBatchId).includeMessagesInResponse(true);
        messages.forEach(batch::addMessage);
        return batch.build();
    }
}
