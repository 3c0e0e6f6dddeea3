package io.connect8x8.campaigns.internal;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.RequestOptions;
import io.connect8x8.chatapps.ChatBatch;
import io.connect8x8.chatapps.ChatBatchResult;
import io.connect8x8.chatapps.ChatMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** Messaging Apps: 1,000 a request; the API has no batch template, so each message travels whole. */
public final class ChatKind implements MessageKind<ChatMessage> {

    private final Connect8x8Client client;

    /** @param client the client whose batch call sends every chunk */
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
    public void validate(ChatMessage message) {
        ChatBatch.builder().addMessage(message).build();
    }

    @Override
    public int estimatedBytes(ChatMessage message) {
        // Chat content has many shapes: the client's own preview is the exact body, and 1,000 a request keeps the
        // cost of writing it small.
        return client.chatApps().preview(message).body().getBytes(StandardCharsets.UTF_8).length + 16;
    }

    @Override
    public String identity(ChatMessage message) {
        return message.clientMessageId().orElse("") + '\u0001' + message.to() + '\u0001'
                + client.chatApps().preview(message).body();
    }

    @Override
    public BatchAnswer send(List<ChatMessage> messages, String clientBatchId, RequestOptions options) {
        ChatBatch batch = ChatBatch.builder().clientBatchId(clientBatchId).addMessages(messages).build();
        ChatBatchResult result = client.chatApps().sendBatch(batch, options);
        return new BatchAnswer(result.batchId(), result.acceptedCount(), result.rejectedCount());
    }
}
