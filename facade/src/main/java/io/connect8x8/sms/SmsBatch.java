package io.connect8x8.sms;

import io.connect8x8.MessageBatch;
import io.connect8x8.ValidationException;
import io.connect8x8.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A batch of SMS, in one of the API's two forms: personalised {@code messages} (each may leave to the template what
 * it shares), or one text to many {@code destinations}. At most {@value #MAX_MESSAGES} a request.
 *
 * <pre>{@code
 * SmsBatch batch = SmsBatch.builder()
 *     .template(Sms.builder().from("8x8").text("Your parcel is on its way").build())
 *     .addDestination("+6512345678").addDestination("+6587654321")
 *     .build();
 * }</pre>
 */
public final class SmsBatch extends MessageBatch<Sms> {

    private static final Set<String> MODELLED = Set.of("clientBatchId", "messages", "destinations", "template",
            "includeMessagesInResponse");

    /** The most messages one SMS batch request takes. */
    public static final int MAX_MESSAGES = 10_000;
    /** The longest {@code clientBatchId} the SMS API takes. */
    public static final int MAX_CLIENT_BATCH_ID = 20;

    private final List<String> destinations;
    private final Sms template;

    private SmsBatch(Builder b) {
        super(b, MAX_CLIENT_BATCH_ID);
        this.template = b.template;
        if (template != null && (template.to().isPresent() || template.clientMessageId().isPresent()
                || template.dlrCallbackUrl().isPresent() || template.country().isPresent()
                || !template.extras().isEmpty())) {
            throw new ValidationException("template", "takes only text, from, encoding, scheduled and expiry");
        }
        List<Sms> messages = messages();
        if (!messages.isEmpty() && !b.destinations.isEmpty()) {
            throw new ValidationException("destinations", "give either messages or destinations, not both");
        }
        if (messages.isEmpty() && b.destinations.isEmpty()) {
            throw new ValidationException("messages", "must not be empty (or give destinations)");
        }
        this.destinations = IntStream.range(0, b.destinations.size())
                .mapToObj(i -> Checks.phone("destinations[" + i + "]", b.destinations.get(i), null)).toList();
        Checks.size(messages.isEmpty() ? "destinations" : "messages", size(), MAX_MESSAGES);
        boolean templateText = template != null && template.text().isPresent();
        if (!destinations.isEmpty() && !templateText) {
            throw new ValidationException("template.text", "is required with destinations");
        }
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).to().isEmpty()) {
                throw new ValidationException("messages[" + i + "].destination", "is required");
            }
            if (messages.get(i).text().isEmpty() && !templateText) {
                throw new ValidationException("messages[" + i + "].text", "is required (or set template.text)");
            }
        }
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the destinations in E.164 form, empty in the messages form} */
    public List<String> destinations() {
        return destinations;
    }

    /** {@return the fields the messages share: an {@link Sms} without a recipient} */
    public Optional<Sms> template() {
        return Optional.ofNullable(template);
    }

    /** {@return the number of messages the batch sends, in either form} */
    @Override
    public int size() {
        return destinations.isEmpty() ? messages().size() : destinations.size();
    }

    @Override
    public String toString() {
        return "SmsBatch{size=" + size() + ", form=" + (messages().isEmpty() ? "destinations" : "messages")
                + ", clientBatchId=" + clientBatchId().orElse(null) + ", template=" + template + '}';
    }

    /** Builds an {@link SmsBatch}. */
    public static final class Builder extends MessageBatch.Builder<Sms, SmsBatch, Builder> {
        private final List<String> destinations = new ArrayList<>();
        private Sms template;

        private Builder() {
            super(MODELLED);
        }

        /**
         * Adds a recipient of the template's text.
         *
         * @param destination the recipient in E.164 form
         * @return this builder
         */
        public Builder addDestination(String destination) {
            destinations.add(Objects.requireNonNull(destination, "destination"));
            return this;
        }

        /**
         * Sets the fields the messages share; a field set on a message overrides the template's. The API does not
         * fill {@code {name}} placeholders: personalise with one {@link Sms} per recipient instead.
         *
         * @param template an {@link Sms} with only text, from, encoding, scheduled or expiry set (required, with its
         *     text, with destinations)
         * @return this builder
         */
        public Builder template(Sms template) {
            this.template = template;
            return this;
        }

        @Override
        public SmsBatch build() {
            return new SmsBatch(this);
        }
    }
}
