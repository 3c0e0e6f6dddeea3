package io.connect8x8.chatapps;

import io.connect8x8.MessageBatch;
import io.connect8x8.internal.Checks;
import java.util.Set;

/** A batch of chat-apps messages, at most {@value #MAX_MESSAGES} a request. */
public final class ChatBatch extends MessageBatch<ChatMessage> {

    private static final Set<String> MODELLED = Set.of("clientBatchId", "messages", "template",
            "includeMessagesInResponse");

    /** The most messages one Messaging Apps batch request takes. */
    public static final int MAX_MESSAGES = 1_000;
    /** The longest {@code clientBatchId} the Messaging Apps API takes. */
    public static final int MAX_CLIENT_BATCH_ID = 100;

    private ChatBatch(Builder b) {
        super(b, MAX_CLIENT_BATCH_ID);
        Checks.size("messages", size(), MAX_MESSAGES);
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "ChatBatch{size=" + size() + ", clientBatchId=" + clientBatchId().orElse(null) + '}';
    }

    /** Builds a {@link ChatBatch}. */
    public static final class Builder extends MessageBatch.Builder<ChatMessage, ChatBatch, Builder> {
        private Builder() {
            super(MODELLED);
        }

        @Override
        public ChatBatch build() {
            return new ChatBatch(this);
        }
    }
}
