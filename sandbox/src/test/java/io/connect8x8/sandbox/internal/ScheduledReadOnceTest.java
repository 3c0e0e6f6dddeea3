package io.connect8x8.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connect8x8.sandbox.Api;
import io.connect8x8.sandbox.SandboxClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A message's {@code scheduled} is read once: the 7-days check hands the time to the hold. */
class ScheduledReadOnceTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    /** A message that counts how often {@code scheduled} is looked up. */
    private static final class CountingMessage extends ObjectNode {
        int scheduledReads;

        CountingMessage() {
            super(JsonNodeFactory.instance);
        }

        @Override
        public JsonNode get(String name) {
            if ("scheduled".equals(name)) {
                scheduledReads++;
            }
            return super.get(name);
        }
    }

    @Test
    void theCheckAndTheHoldShareOneReading() {
        SandboxClock clock = SandboxClock.at(T0);
        MessageStore store = new MessageStore(100);
        ScheduledQueue scheduled = new ScheduledQueue(clock);
        try (ReceiptDispatcher receipts = new ReceiptDispatcher(1.0, clock, store, scheduled)) {
            Engine engine = new Engine(clock, store, receipts, scheduled, new TemplateRegistry(List.of()), null);
            CountingMessage message = new CountingMessage();
            message.put("destination", "+6591234567").put("text", "A").put("scheduled", "2026-12-01T10:00:00Z");
            CountingMessage unscheduled = new CountingMessage();
            unscheduled.put("destination", "+6591234568").put("text", "B");

            Instant due = engine.checkScheduled(message);
            MessageRecord record = engine.record(Api.SMS, "acme", "u-1", null, message, null, "+6591234567", null, null);
            engine.sendReceipts(record, message, due, List.of());
            Instant none = engine.checkScheduled(unscheduled);

            assertEquals(1, message.scheduledReads);
            assertEquals(Instant.parse("2026-12-01T10:00:00Z"), due);
            assertEquals("scheduled", record.state());
            assertNull(none);
            assertEquals(1, unscheduled.scheduledReads);
            clock.advance(Duration.ofHours(1));
            engine.scheduled.releaseDue();
            assertEquals("queued", record.state());
        }
    }
}
