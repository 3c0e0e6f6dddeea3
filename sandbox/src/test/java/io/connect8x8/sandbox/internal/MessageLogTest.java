package io.connect8x8.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.sandbox.Api;
import io.connect8x8.sms.SmsEncoding;
import io.connect8x8.sms.SmsParts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log of every message's export facts: what it keeps, and what it says once it dropped its oldest segment. */
class MessageLogTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    private static MessageRecord sms(int n, String clientMessageId) {
        return sms(n, clientMessageId, null);
    }

    private static MessageRecord sms(int n, String clientMessageId, Integer errorCode) {
        String text = "Hi \u4f60" + n;
        return new MessageRecord(Api.SMS, "acme", new java.util.UUID(7, n).toString(), "batch-1", clientMessageId,
                "camp-0", "+6590000" + String.format("%03d", n % 1000), SmsParts.of(text),
                Json.object().put("text", text), errorCode, errorCode == null ? "queued" : "rejected",
                T0.plusMillis(n));
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
                null, null).stream().map(MessageLog.Entry::clientMessageId).filter(java.util.Objects::nonNull).toList());
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
        List<long[]> files = log.plan(Api.SMS, "acme", Long.MIN_VALUE, Long.MAX_VALUE, null, null,
                Long.MAX_VALUE, MessageLog.SEGMENT);
        assertEquals(List.of((long) MessageLog.SEGMENT, 2L * MessageLog.SEGMENT, 2L * MessageLog.SEGMENT),
                List.of(files.get(0)[0], files.get(0)[1], files.get(1)[0]));
    }

    /**
     * The race an earlier log had: an SMS's parts were counted when its record left the window, after the log had
     * taken its other facts, so a reader in between (an export, the details) saw it with no encoding, no parts and
     * no price. Window 0: each message leaves at once. The reader waits on each position, so it reads each entry
     * as soon as it exists; every one must be whole.
     */
    @Test
    void anSmsIsInTheLogWithItsPartsFromTheMomentItIsThere() throws Exception {
        MessageStore store = new MessageStore(0, MessageLog.SEGMENT);
        MessageLog log = store.log();
        int count = 20_000;
        Thread writer = new Thread(() -> {
            for (int n = 0; n < count; n++) {
                store.add(sms(n, "c-" + n));
            }
        });
        writer.start();
        List<Long> withoutParts = new ArrayList<>();
        for (long seq = 0; seq < count; seq++) {
            MessageLog.Entry entry = log.entry(seq);
            while (entry == null) {
                Thread.onSpinWait();
                entry = log.entry(seq);
            }
            if (entry.encoding() != SmsEncoding.UCS2 || entry.parts() != 1) {
                withoutParts.add(seq);
            }
        }
        writer.join();
        assertTrue(withoutParts.isEmpty(), withoutParts.size() + " entries seen without their parts, the first "
                + withoutParts.subList(0, Math.min(5, withoutParts.size())));
    }

    /**
     * A message's facts from its whole record are the log's (but for the number, which the log keeps as digits):
     * the details and the export make their answers of either with the same rules, charged and price included.
     */
    @Test
    void aWholeRecordsFactsAreTheLogsAndOneRuleSaysWhatIsCharged() {
        MessageStore store = new MessageStore(10, MessageLog.SEGMENT);
        MessageRecord delivered = sms(1, "c-1");
        MessageRecord cancelled = sms(2, "c-2");
        MessageRecord rejected = sms(3, "c-3", 1002);
        MessageRecord held = sms(4, "c-4");
        List.of(delivered, cancelled, rejected, held).forEach(store::add);
        delivered.addReceipt(new ReceiptRecord("delivered", "delivered_to_recipient", null, "sms",
                T0.plusSeconds(5), () -> "{}"));
        cancelled.setState("cancelled");
        held.setState("scheduled");

        for (MessageRecord message : List.of(delivered, cancelled, rejected, held)) {
            MessageLog.Entry whole = MessageOps.facts(message);
            MessageLog.Entry logged = store.log().entry(message.seq);
            assertEquals(logged, new MessageLog.Entry(whole.seq(), whole.umid(), whole.scope(), whole.createdAt(),
                    "6590000" + String.format("%03d", message.seq + 1), whole.clientMessageId(), whole.status(),
                    whole.statusAt(), whole.encoding(), whole.parts()));
            assertEquals(SmsEncoding.UCS2, whole.encoding());
        }
        assertTrue(MessageOps.facts(delivered).charged());
        assertEquals(0.0035, MessageOps.facts(delivered).priceTotal());
        assertTrue(MessageOps.facts(held).charged());
        assertFalse(MessageOps.facts(cancelled).charged());
        assertEquals(0.0, MessageOps.facts(cancelled).priceTotal());
        assertFalse(MessageOps.facts(rejected).charged());
    }

    /** A umid is found in a full segment (through its index) and in the one being filled, newest first. */
    @Test
    void findsAUmidInAFullSegmentAndInTheOneBeingFilled() {
        MessageStore store = new MessageStore(0, 4L * MessageLog.SEGMENT);
        int count = MessageLog.SEGMENT + 10;
        for (int n = 0; n < count; n++) {
            store.add(sms(n, null));
        }
        MessageLog log = store.log();
        for (int n : new int[] {0, 1, MessageLog.SEGMENT - 1, MessageLog.SEGMENT, count - 1}) {
            assertEquals(n, log.find(Api.SMS, "acme", sms(n, null).umid));
        }
        assertEquals(-1, log.find(Api.SMS, "acme", sms(count, null).umid));
        assertEquals(-1, log.find(Api.CHAT_APPS, "acme", sms(5, null).umid));
    }
}
