package io.connect8x8.chatapps;

import java.util.Set;
import java.util.Map;
import java.util.LinkedHashMap;
import io.connect8x8.internal.Extras;
import io.connect8x8.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A batch of chat-apps messages, at most {@value #MAX_MESSAGES} a request. */
public final class ChatBatch {

    /** The wire names this type models itself: {@code extra(..)} refuses them. */
    private static final Set<String> MODELLED = Set.of("clientBatchId", "messages", "template", "includeMessagesInResponse");

    /** The most messages one Messaging Apps batch request takes. */
    public static final int MAX_MESSAGES = 1_000;
    /** The longest {@code clientBatchId} the Messaging Apps API takes. */
    public static final int MAX_CLIENT_BATCH_ID = 100;

    private final List<ChatMessage> messages;
    private final String clientBatchId;
    private final boolean includeMessagesInResponse;
    private final Map<String, Object> extras;

    private ChatBatch(Builder b) {
        this.messages = List.copyOf(b.messages);
        Checks.size("messages", messages.size(), MAX_MESSAGES);
        this.clientBatchId = Checks.optionalText("clientBatchId", b.clientBatchId, MAX_CLIENT_BATCH_ID);
        this.includeMessagesInResponse = b.includeMessagesInResponse;
        this.extras = Extras.copy(b.extras);
    }

    /**
     * A new builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The messages.
     *
     * @return the messages
     */
    public List<ChatMessage> messages() {
        return messages;
    }

    /**
     * Your id for the batch.
     *
     * @return your id for the batch
     */
    public Optional<String> clientBatchId() {
        return Optional.ofNullable(clientBatchId);
    }

    /**
     * Whether the response lists each message.
     *
     * @return whether the response lists each message
     */
    public boolean includeMessagesInResponse() {
        return includeMessagesInResponse;
    }

    /**
     * The fields set with {@link Builder#extra(String, Object)}, sent beside the modelled ones.
     *
     * @return the extra fields by wire name, in the order set
     */
    public Map<String, Object> extras() {
        return Extras.copy(extras);
    }

    @Override
    public String toString() {
        return "ChatBatch{size=" + messages.size() + ", clientBatchId=" + clientBatchId + '}';
    }

    /** Builds a {@link ChatBatch}. */
    public static final class Builder {
        private final List<ChatMessage> messages = new ArrayList<>();
        private String clientBatchId;
        private boolean includeMessagesInResponse;
        private final Map<String, Object> extras = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets a request field this version of the facade does not model, such as one a newer 8x8 document added.
         * It is sent as given, beside the modelled fields; setting a name again replaces the value.
         *
         * @param name the field's wire name; not one this type models (use its own method for those)
         * @param value a String, Number, Boolean, or a Gson JsonObject or JsonArray (copied)
         * @return this builder
         * @throws io.connect8x8.ValidationException for a blank or modelled name, or another type of value
         */
        public Builder extra(String name, Object value) {
            extras.put(name, Extras.check(MODELLED, name, value));
            return this;
        }

        /**
         * One message.
         *
         * @param message one message
         * @return this builder
         */
        public Builder addMessage(ChatMessage message) {
            messages.add(Objects.requireNonNull(message, "message"));
            return this;
        }

        /**
         * Messages, added in order.
         *
         * @param messages messages, added in order
         * @return this builder
         */
        public Builder addMessages(List<ChatMessage> messages) {
            messages.forEach(this::addMessage);
            return this;
        }

        /**
         * Sets the batch's own id, echoed in the answer, to find the batch again after an ambiguous failure.
         *
         * @param clientBatchId your id, at most 100 characters (default: the client generates one)
         * @return this builder
         */
        public Builder clientBatchId(String clientBatchId) {
            this.clientBatchId = clientBatchId;
            return this;
        }

        /**
         * Whether the response lists each message (default false).
         *
         * @param include whether the response lists each message (default false)
         * @return this builder
         */
        public Builder includeMessagesInResponse(boolean include) {
            this.includeMessagesInResponse = include;
            return this;
        }

        /**
         * The batch.
         *
         * @return the batch
         * @throws io.connect8x8.ValidationException naming the malformed field
         */
        public ChatBatch build() {
            return new ChatBatch(this);
        }
    }
}
