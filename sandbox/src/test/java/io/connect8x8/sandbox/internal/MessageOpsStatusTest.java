package io.connect8x8.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connect8x8.sandbox.Api;
import io.connect8x8.sandbox.TestNumbers;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A message's status as {@link MessageOps#statusOf} reports it: the receipt's state and detail with empty error
 * fields, whether the pair is one of the simulator's own or not; before any receipt queued, accepted or scheduled;
 * cancelled; rejected.
 */
class MessageOpsStatusTest {

    private static final Instant CREATED = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant RECEIPT = Instant.parse("2026-12-07T10:00:01Z");

    @Test
    void aReceiptWithoutErrorIsItsStateAndDetail() {
        List<String[]> pairs = List.of(new String[] {"delivered", "delivered_to_recipient"},
                new String[] {"queued", "accepted_by_provider"}, new String[] {"delivered", "delivered_to_operator"},
                new String[] {"read", "read_by_recipient"}, new String[] {"read", "delivered_to_recipient"},
                new String[] {"delivered", "read_by_recipient"}, new String[] {"sent", "handed_over"});
        for (String[] pair : pairs) {
            MessageOps.StatusAt first = MessageOps.statusOf(record(null, "queued"), receipt(pair[0], pair[1]));
            assertEquals(new MessageOps.StatusAt(new MessageLog.Status(pair[0], pair[1], "", ""), RECEIPT), first);
        }
    }

    @Test
    void beforeAnyReceiptCancelledAndRejected() {
        assertEquals(new MessageLog.Status("queued", "accepted", "", ""),
                MessageOps.statusOf(record(null, "queued"), null).status());
        assertEquals(new MessageLog.Status("queued", "scheduled", "", ""),
                MessageOps.statusOf(record(null, "scheduled"), null).status());
        assertEquals(new MessageOps.StatusAt(new MessageLog.Status("failed", "cancelled", "", ""), CREATED),
                MessageOps.statusOf(record(null, "cancelled"), receipt("delivered", "delivered_to_recipient")));
        assertEquals(new MessageOps.StatusAt(new MessageLog.Status("failed", "rejected_by_api", "1002", ""),
                CREATED), MessageOps.statusOf(record(1002, "rejected"), null));
        assertEquals(new MessageLog.Status("undelivered", "rejected_by_operator",
                Integer.toString(TestNumbers.SMS_UNDELIVERED_CODE), "Rejected by operator"),
                MessageOps.statusOf(record(null, "queued"), receipt("undelivered", "rejected_by_operator")).status());
    }

    private static MessageRecord record(Integer errorCode, String state) {
        return new MessageRecord(Api.SMS, "acme-sms", "0f6a1c3e-8b1e-4b8e-9f7a-2c5d3e4f5a6b", null, null, null,
                "+6591234567", null, Json.object(), errorCode, state, CREATED);
    }

    private static ReceiptRecord receipt(String state, String detail) {
        return new ReceiptRecord(state, detail, null, "sms", RECEIPT, () -> "{}");
    }
}
