package io.connect8x8.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.sandbox.Sandbox;
import io.connect8x8.sms.Sms;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A campaign journaled before a message's schedule and resumed after it has passed: the chunks are cut as the
 * journal recorded them (no fingerprint mismatch), and every remaining message is sent exactly once; the message
 * whose schedule is now in the past is refused alone, as a first run after the schedule refuses it.
 */
class ResumeAfterScheduleTest {

    private static final int ROWS = 1_000;
    private static final OffsetDateTime SCHEDULED = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1);

    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().build().start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** The client of one run, its clock {@code ahead} of the system's. */
    private static Connect8x8Client client(Duration ahead) {
        return Connect8x8Client.builder().apiKey(sandbox.apiKey()).smsBaseUrl(sandbox.rootUrl() + "/sms")
                .subAccountId(Fixtures.SUB_ACCOUNT).readTimeout(Duration.ofSeconds(30))
                .clock(Clock.offset(Clock.systemUTC(), ahead)).build();
    }

    /** Rows 3 (in the first chunk) and 800 (in a chunk the first run never reaches) are scheduled an hour on. */
    private static Iterator<Sms> input(int breakAt) {
        Iterator<Sms> rows = IntStream.range(0, ROWS).mapToObj(i -> {
            Sms.Builder sms = Sms.builder().to("+6594" + String.format("%06d", i)).text("Spring sale, customer " + i);
            if (i == 3 || i == 800) {
                sms.scheduled(SCHEDULED);
            }
            return sms.build();
        }).iterator();
        return new Iterator<>() {
            private int read;

            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Sms next() {
                if (read++ == breakAt) {
                    throw new IllegalStateException("interrupted at row " + breakAt);
                }
                return rows.next();
            }
        };
    }

    private static Campaign<Sms> campaign(Connect8x8Client client, FileJournal journal) {
        return Campaigns.sms(client).campaignId("late").journal(journal).concurrency(1).maxBatchBytes(16 * 1024)
                .build();
    }

    @Test
    void aResumeAfterTheScheduleHasPassedCutsTheJournaledChunksAndSendsEachRemainingMessageOnce(@TempDir Path dir) {
        Path file = dir.resolve("late.journal");
        try (Connect8x8Client now = client(Duration.ZERO); FileJournal journal = FileJournal.open(file)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> campaign(now, journal).send(input(600)));
            assertEquals("interrupted at row 600", e.getMessage());
            assertEquals(ChunkState.ACCEPTED, journal.record("late", 0).state(), "row 3's chunk was sent");
        }
        Map<String, Integer> first = Fixtures.acceptedById(sandbox);
        assertTrue(first.containsKey("late-3"), "scheduled an hour on, row 3 went out with the first run");
        assertTrue(first.size() < 600, first.size() + " sent before the interruption");

        CampaignReport report;
        try (Connect8x8Client twoHoursOn = client(Duration.ofHours(2)); FileJournal journal = FileJournal.open(file)) {
            report = campaign(twoHoursOn, journal).send(input(-1));
        }

        assertEquals(List.of("#800 scheduled: is in the past"), report.invalid());
        assertEquals(ROWS, report.messages());
        assertEquals(first.size(), report.skipped(), "the first run's chunks, recognised by their fingerprints");
        assertEquals(ROWS - first.size() - 1, report.accepted());
        assertEquals(1, report.rejected());
        Map<String, Integer> accepted = Fixtures.acceptedById(sandbox);
        assertEquals(ROWS - 1, accepted.size());
        assertFalse(accepted.containsKey("late-800"), "its schedule passed before it was sent");
        assertTrue(accepted.values().stream().allMatch(n -> n == 1), "each message accepted once");
        assertEquals(0, sandbox.duplicateClientMessageIds());
    }

    @Test
    void aChunkWhoseEveryScheduleHasPassedIsRefusedWithoutARequestAndSkippedOnAResume(@TempDir Path dir) {
        OffsetDateTime past = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
        List<Sms> rows = IntStream.range(0, 3).mapToObj(i -> Sms.builder().to("+6595" + String.format("%06d", i))
                .text("Too late " + i).scheduled(past).build()).toList();
        Path file = dir.resolve("past.journal");
        long before = sandbox.requestCount();
        for (int run = 0; run < 2; run++) {
            try (Connect8x8Client now = client(Duration.ZERO); FileJournal journal = FileJournal.open(file)) {
                CampaignReport report = Campaigns.sms(now).campaignId("past").journal(journal).build()
                        .send(rows.iterator());
                assertEquals(run == 0 ? List.of("#0 scheduled: is in the past", "#1 scheduled: is in the past",
                        "#2 scheduled: is in the past") : List.of(), report.invalid(), "run " + run);
                assertEquals(List.of(run == 0 ? ChunkOutcome.REJECTED : ChunkOutcome.SKIPPED),
                        report.chunks().stream().map(ChunkReport::outcome).toList());
                assertEquals(run == 0 ? 3 : 0, report.rejected());
                assertEquals(run == 0 ? 0 : 3, report.skipped());
            }
        }
        assertEquals(before, sandbox.requestCount(), "no request for a chunk the clock refused whole");
    }
}
