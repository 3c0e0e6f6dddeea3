package io.connect8x8;

import io.connect8x8.internal.Checks;
import io.connect8x8.internal.Extras;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an {@link io.connect8x8.sms.SmsBatch} and a {@link io.connect8x8.chatapps.ChatBatch} share: the messages, the
 * caller's batch id, whether the answer lists each message, and the fields the facade does not model. Immutable.
 *
 * @param <M> the message type
 */
public abstract class MessageBatch<M extends OutboundMessage> {

    private final List<M> messages;
    private final String clientBatchId;
    private final boolean includeMessagesInResponse;
    private final Map<String, Object> extras;

    /**
     * Checks and keeps the shared fields.
     *
     * @param b the builder
     * @param maxClientBatchId the longest {@code clientBatchId} the API takes
     * @throws ValidationException when the batch id is blank or too long
     */
    protected MessageBatch(Builder<M, ?, ?> b, int maxClientBatchId) {
        this.messages = List.copyOf(b.messages);
        this.clientBatchId = Checks.optionalText("clientBatchId", b.clientBatchId, maxClientBatchId);
        this.includeMessagesInResponse = b.includeMessagesInResponse;
        this.extras = Extras.copy(b.extras);
    }

    /** {@return the messages, in order} */
    public List<M> messages() {
        return messages;
    }

    /** {@return the number of messages the batch sends} */
    public int size() {
        return messages.size();
    }

    /** {@return your id for the batch} */
    public Optional<String> clientBatchId() {
        return Optional.ofNullable(clientBatchId);
    }

    /** {@return whether the answer lists each message} */
    public boolean includeMessagesInResponse() {
        return includeMessagesInResponse;
    }

    /** {@return the fields set with {@link Builder#extra(String, Object)} by wire name, in the order set} */
    public Map<String, Object> extras() {
        return Extras.copy(extras);
    }

    /**
     * The shared settings of a batch's builder.
     *
     * @param <M> the message type
     * @param <T> the batch type
     * @param <B> the builder's own type
     */
    public abstract static class Builder<M extends OutboundMessage, T extends MessageBatch<M>,
            B extends Builder<M, T, B>> {
        private final Set<String> modelled;
        private final List<M> messages = new ArrayList<>();
        private final Map<String, Object> extras = new LinkedHashMap<>();
        private String clientBatchId;
        private boolean includeMessagesInResponse;

        /**
         * Starts a builder.
         *
         * @param modelled the wire names the batch models itself, which {@link #extra(String, Object)} refuses
         */
        protected Builder(Set<String> modelled) {
            this.modelled = modelled;
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /**
         * Sets a request field this version of the facade does not model; see
         * {@link OutboundMessage.Builder#extra(String, Object)}.
         *
         * @param name the field's wire name; not one this type models
         * @param value a String, Number, Boolean, or a Gson JsonObject or JsonArray (copied)
         * @return this builder
         * @throws ValidationException for a blank or modelled name, or another type of value
         */
        public B extra(String name, Object value) {
            extras.put(name, Extras.check(modelled, name, value));
            return self();
        }

        /**
         * Adds a message after those added before.
         *
         * @param message the message
         * @return this builder
         */
        public B addMessage(M message) {
            messages.add(Objects.requireNonNull(message, "message"));
            return self();
        }

        /**
         * Sets the batch's own id, echoed in the answer, to find the batch again after an ambiguous failure.
         *
         * @param clientBatchId your id, at most {@code MAX_CLIENT_BATCH_ID} characters of the batch type (default:
         *     the client generates one)
         * @return this builder
         */
        public B clientBatchId(String clientBatchId) {
            this.clientBatchId = clientBatchId;
            return self();
        }

        /**
         * Sets whether the answer lists each message's result.
         *
         * @param include whether the answer lists each message (default false)
         * @return this builder
         */
        public B includeMessagesInResponse(boolean include) {
            this.includeMessagesInResponse = include;
            return self();
        }

        /**
         * Builds the batch, checking its fields.
         *
         * @return the batch
         * @throws ValidationException naming the first malformed field
         */
        public abstract T build();
    }
}
