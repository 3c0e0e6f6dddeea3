package io.connect8x8.sms;

import java.util.Set;
import java.util.Map;
import java.util.LinkedHashMap;
import io.connect8x8.internal.Extras;
import io.connect8x8.ValidationException;
import io.connect8x8.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A batch of SMS, in one of the API's two forms: personalised {@code messages} (each may leave to the template what
 * it shares), or one text to many {@code destinations}. At most {@value #MAX_MESSAGES} a request.
 *
 * <pre>{@code
 * SmsBatch batch = SmsBatch.builder()
 *     .template(SmsTemplate.builder().from("8x8").text("Your parcel is on its way").build())
 *     .addDestination("+6512345678").addDestination("+6587654321")
 *     .build();
 * }</pre>
 */
public final class SmsBatch {

    /** The wire names this type models itself: {@code extra(..)} refuses them. */
    private static final Set<String> MODELLED = Set.of("clientBatchId", "messages", "destinations", "template",
            "includeMessagesInResponse");

    /** The most messages one SMS batch request takes. */
    public static final int MAX_MESSAGES = 10_000;
    /** The longest {@code clientBatchId} the SMS API takes. */
    public static final int MAX_CLIENT_BATCH_ID = 20;

    private final List<Sms> messages;
    private final List<String> destinations;
    private final SmsTemplate template;
    private final String clientBatchId;
    private final boolean includeMessagesInResponse;
    private final Map<String, Object> extras;

    private SmsBatch(Builder b) {
        this.messages = List.copyOf(b.messages);
        this.template = b.template;
        this.clientBatchId = Checks.optionalText("clientBatchId", b.clientBatchId, MAX_CLIENT_BATCH_ID);
        this.includeMessagesInResponse = b.includeMessagesInResponse;
        this.extras = Extras.copy(b.extras);
        if (!messages.isEmpty() && !b.destinations.isEmpty()) {
            throw new ValidationException("destinations", "give either messages or destinations, not both");
        }
        if (messages.isEmpty() && b.destinations.isEmpty()) {
            throw new ValidationException("messages", "must not be empty (or give destinations)");
        }
        List<String> normalised = new ArrayList<>(b.destinations.size());
        for (int i = 0; i < b.destinations.size(); i++) {
            normalised.add(Checks.phone("destinations[" + i + "]", b.destinations.get(i), null));
        }
        this.destinations = List.copyOf(normalised);
        Checks.size(messages.isEmpty() ? "destinations" : "messages",
                messages.isEmpty() ? destinations.size() : messages.size(), MAX_MESSAGES);
        boolean templateText = template != null && template.text().isPresent();
        if (!destinations.isEmpty() && !templateText) {
            throw new ValidationException("template.text", "is required with destinations");
        }
        for (int i = 0; i < messages.size(); i++) {
            Sms sms = messages.get(i);
            if (sms.to().isEmpty()) {
                throw new ValidationException("messages[" + i + "].destination", "is required");
            }
            if (sms.text().isEmpty() && !templateText) {
                throw new ValidationException("messages[" + i + "].text", "is required (or set template.text)");
            }
        }
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
     * The personalised messages, empty in the destinations form.
     *
     * @return the personalised messages, empty in the destinations form
     */
    public List<Sms> messages() {
        return messages;
    }

    /**
     * The destinations in E.164 form, empty in the messages form.
     *
     * @return the destinations in E.164 form, empty in the messages form
     */
    public List<String> destinations() {
        return destinations;
    }

    /**
     * The fields the messages share.
     *
     * @return the fields the messages share
     */
    public Optional<SmsTemplate> template() {
        return Optional.ofNullable(template);
    }

    /**
     * Your id for the batch, at most 20 characters.
     *
     * @return your id for the batch, at most 20 characters
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
     * The number of messages the batch sends.
     *
     * @return the number of messages the batch sends
     */
    public int size() {
        return messages.isEmpty() ? destinations.size() : messages.size();
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
        return "SmsBatch{size=" + size() + ", form=" + (messages.isEmpty() ? "destinations" : "messages")
                + ", clientBatchId=" + clientBatchId + ", template=" + template + '}';
    }

    /** Builds an {@link SmsBatch}. */
    public static final class Builder {
        private final List<Sms> messages = new ArrayList<>();
        private final List<String> destinations = new ArrayList<>();
        private SmsTemplate template;
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
         * @throws ValidationException for a blank or modelled name, or another type of value
         */
        public Builder extra(String name, Object value) {
            extras.put(name, Extras.check(MODELLED, name, value));
            return this;
        }

        /**
         * One personalised message.
         *
         * @param sms one personalised message
         * @return this builder
         */
        public Builder addMessage(Sms sms) {
            messages.add(Objects.requireNonNull(sms, "sms"));
            return this;
        }

        /**
         * Personalised messages, added in order.
         *
         * @param messages personalised messages, added in order
         * @return this builder
         */
        public Builder addMessages(List<Sms> messages) {
            messages.forEach(this::addMessage);
            return this;
        }

        /**
         * One recipient of the template's text, in E.164 form.
         *
         * @param destination one recipient of the template's text, in E.164 form
         * @return this builder
         */
        public Builder addDestination(String destination) {
            destinations.add(Objects.requireNonNull(destination, "destination"));
            return this;
        }

        /**
         * Recipients of the template's text.
         *
         * @param destinations recipients of the template's text
         * @return this builder
         */
        public Builder addDestinations(List<String> destinations) {
            destinations.forEach(this::addDestination);
            return this;
        }

        /**
         * The shared fields (required with destinations).
         *
         * @param template the shared fields (required with destinations)
         * @return this builder
         */
        public Builder template(SmsTemplate template) {
            this.template = template;
            return this;
        }

        /**
         * Sets the batch's own id, echoed in the answer, to find the batch again after an ambiguous failure.
         *
         * @param clientBatchId your id for the batch, at most 20 characters (default: the client generates one)
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
         * @throws ValidationException naming the first malformed field
         */
        public SmsBatch build() {
            return new SmsBatch(this);
        }
    }
}
