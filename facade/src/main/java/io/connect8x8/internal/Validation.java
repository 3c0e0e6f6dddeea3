package io.connect8x8.internal;

import io.connect8x8.RequestOptions;
import io.connect8x8.ValidationException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The one validation step of a send: every check of a message that is not a single field's own (those ran in its
 * builder, through {@link Checks}) runs here, in this order: the request kind's required fields, the clock
 * (schedule and expiry, of the batch template and of each message), the call's sub-account, and the mapping to the
 * generated model with its enum checks. The send pipeline throws the first violation before any network I/O; the
 * operations' {@code validate(..)} (campaigns and the CLI refuse one bad message alone with it) returns them all.
 * Immutable and thread-safe.
 */
final class Validation {

    private final Clock clock;
    /** The client's own, checked when it was built; null when it has none. */
    private final String subAccountId;

    Validation(Clock clock, String subAccountId) {
        this.clock = clock;
        this.subAccountId = subAccountId;
    }

    /** Every violation a send with these options would find, the mapping's included, without generating ids. */
    <I> List<ValidationException> violations(RequestKind<I, ?, ?> kind, I input, RequestOptions options) {
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
     * The checks before the mapping, which the pipeline then runs with the real ids; returns the messages' facts,
     * empty when the kind refused the input.
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
            try {
                times(messages.get(i).scheduled(), messages.get(i).expiry());
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

    /** The call's sub-account: the option's, else the client's. */
    String subAccount(RequestOptions options) {
        String id = options.subAccountId().orElse(subAccountId);
        if (id == null) {
            throw new ValidationException("subAccountId", "is required: set it on the client or the call");
        }
        return id == subAccountId ? id : Checks.subAccountId("subAccountId", id);
    }

    private void times(OffsetDateTime scheduled, OffsetDateTime expiry) {
        Checks.schedule("scheduled", scheduled, clock);
        Checks.expiry("expiry", expiry, scheduled, clock);
    }
}
