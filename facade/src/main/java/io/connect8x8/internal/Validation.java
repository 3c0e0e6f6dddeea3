package io.connect8x8.internal;

import io.connect8x8.RequestOptions;
import io.connect8x8.ValidationException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The one validation step of a send: every check of a message that is not a single field's own (those ran when its
 * builder built it, through {@link Checks}) runs here, in this order: the request kind's required fields, the clock
 * (schedule and expiry, of the batch template and of each message), the sub-account of the call, and the mapping to
 * the generated model with its enum checks. The send pipeline throws the first violation before any network I/O; the
 * operations' {@code validate(..)} (used by campaigns and the CLI to refuse one bad message alone) returns them all.
 * Immutable and thread-safe.
 */
public final class Validation {

    private final Clock clock;
    private final String subAccountId;

    /**
     * Makes the validation step of one client.
     *
     * @param clock the clock schedules and expiries are checked against
     * @param subAccountId the client's sub-account, already checked when the client was built; null when it has none
     */
    public Validation(Clock clock, String subAccountId) {
        this.clock = clock;
        this.subAccountId = subAccountId;
    }

    /**
     * Every violation of the input as a send with these options would find it, the mapping's included, without
     * sending and without generating ids.
     *
     * @param kind the kind of request
     * @param input the facade's input
     * @param options the call's options (its sub-account)
     * @param <I> the input type
     * @return the violations in the order they are checked; empty when the input would be sent
     */
    public <I> List<ValidationException> violations(RequestKind<I, ?, ?> kind, I input, RequestOptions options) {
        List<ValidationException> found = new ArrayList<>();
        List<RequestKind.MessageFacts> messages = beforeMapping(kind, input, options, found);
        if (found.isEmpty()) {
            try {
                kind.toModel(input, new RequestKind.Ids(null, Collections.nCopies(messages.size(), null)));
            } catch (ValidationException e) {
                found.add(e);
            }
        }
        return found;
    }

    /**
     * The checks before the mapping; the pipeline throws the first violation, and the mapping (which it then runs
     * with the real ids) throws its own enum checks.
     *
     * @param kind the kind of request
     * @param input the facade's input
     * @param options the call's options
     * @param found where the violations are added
     * @param <I> the input type
     * @return the messages' facts, for the ids; empty when the kind refused the input
     */
    <I> List<RequestKind.MessageFacts> beforeMapping(RequestKind<I, ?, ?> kind, I input, RequestOptions options,
                                                     List<ValidationException> found) {
        List<RequestKind.MessageFacts> messages;
        RequestKind.BatchFacts batch;
        try {
            messages = kind.messages(input);
            batch = kind.batch(input);
        } catch (ValidationException e) {
            found.add(e);
            return List.of();
        }
        if (batch != null) {
            try {
                times(batch.templateScheduled(), batch.templateExpiry());
            } catch (ValidationException e) {
                found.add(e.within("template"));
            }
        }
        for (int i = 0; i < messages.size(); i++) {
            RequestKind.MessageFacts message = messages.get(i);
            try {
                times(message.scheduled(), message.expiry());
            } catch (ValidationException e) {
                found.add(batch == null ? e : e.within("messages[" + i + "]"));
            }
        }
        try {
            subAccount(options);
        } catch (ValidationException e) {
            found.add(e);
        }
        return messages;
    }

    /**
     * The sub-account of a call: the option's, else the client's; checked against 8x8's pattern.
     *
     * @param options the call's options
     * @return the sub-account
     * @throws ValidationException when there is none or it is malformed
     */
    String subAccount(RequestOptions options) {
        String id = options.subAccountId().orElse(subAccountId);
        if (id == null) {
            throw new ValidationException("subAccountId", "is required: set it on the client or the call");
        }
        // The client's own was checked when it was built.
        return id == subAccountId ? id : Checks.subAccountId("subAccountId", id);
    }

    private void times(OffsetDateTime scheduled, OffsetDateTime expiry) {
        Checks.schedule("scheduled", scheduled, clock);
        Checks.expiry("expiry", expiry, scheduled, clock);
    }
}
