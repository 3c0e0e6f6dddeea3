package io.connect8x8.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.connect8x8.sandbox.Api;
import io.connect8x8.sms.SmsEncoding;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log of every message's export facts: what it keeps, and what it says once it dropped its oldest segment. */
class MessageLogTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    private static MessageRecord sms(int n, String clientMessageId) {
        return new MessageRecord(Api.SMS, "acme", new java.util.UUID(7, n).toString(), "batch-1", clientMessageId,
                "camp-0", "+6590000" + String.format("%03d", n % 1000), Json.object().put("text", "Hi \u4f60" + n),
                null, "queued", T0.plusMillis(n));
    }

    @Test
    void keepsEachMessagesFactsWithOrWithoutAnIdAndTheStatusOfItsLastReceipt() {
        MessageStore store = new MessageStore(0, MessageLog.SEGMENT);
        MessageRecord first = sms(1, "camp-1");
        store.add(first);
        store.add(sms(2, null));
        store.add(sms(3, "camp-3"));
        first.addReceipt(new ReceiptRecord("delivered", "delivered_to_recipient", null, "sms", T0.plusSeconds(5),
                () -> "{}"));

        MessageLog log = store.log();
        assertEquals(new MessageLog.Entry(0, first.umid, new MessageLog.Scope(Api.SMS, "acme", "batch-1", "camp-0"),
                T0.plusMillis(1), "6590000001", "camp-1",
                new MessageLog.Status("delivered", "delivered_to_recipient", "", ""), T0.plusSeconds(5),
                SmsEncoding.UCS2, 1), log.entry(0));
        assertNull(log.entry(1).clientMessageId());
        assertEquals("camp-3", log.entry(2).clientMessageId());
        assertEquals(List.of("camp-1", "camp-3"), log.entries(0, 3, Api.SMS, "acme", Long.MIN_VALUE, Long.MAX_VALUE,
                null).stream().map(MessageLog.Entry::clientMessageId).filter(java.util.Objects::nonNull).toList());
        assertEquals(2, log.find(Api.SMS, "acme", sms(3, "x").umid));
        assertEquals(-1, log.find(Api.SMS, "other", sms(3, "x").umid));
    }

    @Test
    void dropsItsOldestSegmentPastItsLimitAndSaysHowFarBackItIsNoLongerWhole() {
        MessageStore store = new MessageStore(0, MessageLog.SEGMENT);
        for (int n = 0; n < 2 * MessageLog.SEGMENT; n++) {
            store.add(sms(n, "camp-" + n));
        }
        MessageLog log = store.log();
        assertNull(store.newestForgotten());
        assertEquals(0, log.first());
        assertEquals("camp-0", log.entry(0).clientMessageId());

        store.add(sms(2 * MessageLog.SEGMENT, "camp-last"));

        assertEquals(MessageLog.SEGMENT, log.first());
        assertEquals(T0.plusMillis(MessageLog.SEGMENT - 1), store.newestForgotten());
        assertNull(log.entry(0));
        assertEquals("camp-last", log.entry(2 * MessageLog.SEGMENT).clientMessageId());
        List<long[]> files = log.plan(Api.SMS, "acme", Long.MIN_VALUE, Long.MAX_VALUE, null, Long.MAX_VALUE,
                MessageLog.SEGMENT);
        assertEquals(List.of((long) MessageLog.SEGMENT, 2L * MessageLog.SEGMENT, 2L * MessageLog.SEGMENT),
                List.of(files.get(0)[0], files.get(0)[1], files.get(1)[0]));
    }
}
