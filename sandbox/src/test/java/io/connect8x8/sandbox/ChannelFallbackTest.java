package io.connect8x8.sandbox;

import static io.connect8x8.sandbox.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Messaging Apps message's channel fallback over real HTTP: the next channel's leg starts {@code fallbackAfter}
 * seconds after the first channel's, on the simulator's clock, as 8x8 documents {@code channels[].fallbackAfter}
 * ("the amount of time in seconds, after which message should be sent to next fallback channel, if not delivered
 * to current one"). The test number {@link TestNumbers#UNDELIVERED} fails its first channel.
 */
class ChannelFallbackTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PATH = "/api/v1/subaccounts/acme-tests/messages";

    private static String fallbackMessage(String channels, String extra) {
        return json("{'user':{'msisdn':'" + TestNumbers.UNDELIVERED + "'},'type':'Text','content':{'text':'Your code',"
                + "'fallbackText':'Code'},'channels':" + channels + extra + "}");
    }

    private static void send(Sandbox sandbox, String body) {
        Http.Reply sent = Http.post(sandbox.chatAppsBaseUrl() + PATH, sandbox.apiKey(), body);
        assertEquals(200, sent.status(), sent.text());
    }

    /** Each receipt as {@code channel state/detail timestamp}. */
    private static List<String> receipts(Sandbox sandbox) {
        return sandbox.messages().get(0).receipts().stream().map(receipt -> line(tree(receipt.body()))).toList();
    }

    private static String line(JsonNode receipt) {
        JsonNode payload = receipt.get("payload");
        return payload.get("channel").asText() + " " + payload.at("/status/state").asText() + "/"
                + payload.at("/status/detail").asText() + " " + payload.at("/status/timestamp").asText();
    }

    private static JsonNode tree(String json) {
        try {
            return Http.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theFallbackLegWaitsForFallbackAfterOnTheSandboxClock() {
        SandboxClock clock = SandboxClock.at(T0);
        try (Sandbox sandbox = Sandbox.builder().clock(clock).build().start()) {
            send(sandbox, fallbackMessage("[{'channel':'WhatsApp','fallbackAfter':60},{'channel':'SMS'}]", ""));
            List<String> firstLeg = List.of(
                    "whatsapp queued/accepted_by_provider 2026-12-01T09:00:00.000Z",
                    "whatsapp undelivered/rejected_by_operator 2026-12-01T09:00:00.000Z");

            assertEquals(firstLeg, receipts(sandbox));
            assertEquals("undelivered", sandbox.messages().get(0).state());

            clock.advance(Duration.ofSeconds(59));
            assertEquals(firstLeg, receipts(sandbox));

            clock.advance(Duration.ofSeconds(1));
            assertEquals(List.of(firstLeg.get(0), firstLeg.get(1),
                    "sms queued/accepted_by_provider 2026-12-01T09:01:00.000Z",
                    "sms delivered/delivered_to_recipient 2026-12-01T09:01:00.000Z"), receipts(sandbox));
            assertEquals("delivered", sandbox.messages().get(0).state());
        }
    }

    @Test
    void aScheduledMessagesFallbackCountsFromItsScheduledTime() {
        SandboxClock clock = SandboxClock.at(T0);
        try (Sandbox sandbox = Sandbox.builder().clock(clock).build().start()) {
            send(sandbox, fallbackMessage("[{'channel':'WhatsApp','fallbackAfter':30},{'channel':'Viber'}]",
                    ",'scheduled':'2026-12-01T10:00:00Z'"));
            assertEquals(List.of(), receipts(sandbox));

            clock.advance(Duration.ofHours(1));
            assertEquals(List.of("whatsapp queued/accepted_by_provider 2026-12-01T10:00:00.000Z",
                    "whatsapp undelivered/rejected_by_operator 2026-12-01T10:00:00.000Z"), receipts(sandbox));

            clock.advance(Duration.ofSeconds(30));
            assertEquals(List.of("viber queued/accepted_by_provider 2026-12-01T10:00:30.000Z",
                    "viber delivered/delivered_to_recipient 2026-12-01T10:00:30.000Z",
                    "viber read/read_by_recipient 2026-12-01T10:00:30.000Z"), receipts(sandbox).subList(2, 5));
        }
    }

    @Test
    void aClockMovedFarPastTheScheduleKeepsTheTimesTheMessageWouldHaveHad() {
        // One advance of three hours: the scheduled message, then its fallback leg 30 s later, both happened on the
        // way; their receipts carry those times, not the time the clock was moved to.
        SandboxClock clock = SandboxClock.at(T0);
        try (Sandbox sandbox = Sandbox.builder().clock(clock).build().start()) {
            send(sandbox, fallbackMessage("[{'channel':'WhatsApp','fallbackAfter':30},{'channel':'Viber'}]",
                    ",'scheduled':'2026-12-01T10:00:00Z'"));

            clock.advance(Duration.ofHours(3));

            assertEquals(List.of("whatsapp queued/accepted_by_provider 2026-12-01T10:00:00.000Z",
                    "whatsapp undelivered/rejected_by_operator 2026-12-01T10:00:00.000Z",
                    "viber queued/accepted_by_provider 2026-12-01T10:00:30.000Z",
                    "viber delivered/delivered_to_recipient 2026-12-01T10:00:30.000Z",
                    "viber read/read_by_recipient 2026-12-01T10:00:30.000Z"), receipts(sandbox));
        }
    }

    @Test
    void aFallbackLegReleasedLateKeepsItsDueTime() {
        SandboxClock clock = SandboxClock.at(T0);
        try (Sandbox sandbox = Sandbox.builder().clock(clock).build().start()) {
            send(sandbox, fallbackMessage("[{'channel':'WhatsApp','fallbackAfter':60},{'channel':'SMS'}]", ""));

            clock.advance(Duration.ofHours(1));

            assertEquals(List.of("whatsapp queued/accepted_by_provider 2026-12-01T09:00:00.000Z",
                    "whatsapp undelivered/rejected_by_operator 2026-12-01T09:00:00.000Z",
                    "sms queued/accepted_by_provider 2026-12-01T09:01:00.000Z",
                    "sms delivered/delivered_to_recipient 2026-12-01T09:01:00.000Z"), receipts(sandbox));
        }
    }

    @Test
    void withoutFallbackAfterTheNextChannelFollowsTheFailureAtOnce() {
        // The documents give no default delay (an account's own fallback configuration applies): the simulator keeps
        // falling back as soon as the first channel failed.
        try (Sandbox sandbox = Sandbox.builder().clock(SandboxClock.at(T0)).build().start()) {
            send(sandbox, fallbackMessage("[{'channel':'WhatsApp'},{'channel':'SMS','fallbackAfter':600}]", ""));

            assertEquals(List.of("whatsapp queued/accepted_by_provider 2026-12-01T09:00:00.000Z",
                    "whatsapp undelivered/rejected_by_operator 2026-12-01T09:00:00.000Z",
                    "sms queued/accepted_by_provider 2026-12-01T09:00:00.000Z",
                    "sms delivered/delivered_to_recipient 2026-12-01T09:00:00.000Z"), receipts(sandbox));
        }
    }

    @Test
    void aRealTimeClockReleasesTheFallbackLegOnItsTickAndTheWebhookGetsBothLegsInOrder() throws Exception {
        // A real-time clock 100 times as fast: fallbackAfter 60 s is 0.6 s of the test's time. Not a SandboxClock,
        // so nothing tells the simulator that time passed: its 100 ms tick finds the leg due.
        FastClock clock = new FastClock(T0, 100);
        try (ReceiptReceiver receiver = new ReceiptReceiver(0);
             Sandbox sandbox = Sandbox.builder().clock(clock).webhookUrl(receiver.url()).build().start()) {
            send(sandbox, fallbackMessage("[{'channel':'WhatsApp','fallbackAfter':60},{'channel':'SMS'}]", ""));

            List<JsonNode> receipts = receiver.await(4, WAIT);

            assertEquals(List.of("whatsapp queued", "whatsapp undelivered", "sms queued", "sms delivered"),
                    receipts.stream().map(receipt -> receipt.at("/payload/channel").asText() + " "
                            + receipt.at("/payload/status/state").asText()).toList());
            Instant firstLeg = Instant.parse(receipts.get(0).at("/payload/status/timestamp").asText());
            Instant fallbackLeg = Instant.parse(receipts.get(2).at("/payload/status/timestamp").asText());
            assertFalse(fallbackLeg.isBefore(firstLeg.plusSeconds(60)), firstLeg + " then " + fallbackLeg);
        }
    }

    /** A clock that runs {@code speed} times as fast as real time and tells no one (unlike a SandboxClock). */
    private static final class FastClock extends Clock {

        private final Instant start;
        private final long startNanos = System.nanoTime();
        private final long speed;

        FastClock(Instant start, long speed) {
            this.start = start;
            this.speed = speed;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return start.plusNanos((System.nanoTime() - startNanos) * speed);
        }
    }
}
