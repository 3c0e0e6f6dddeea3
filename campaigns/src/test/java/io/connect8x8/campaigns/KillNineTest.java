package io.connect8x8.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.sandbox.Sandbox;
import io.connect8x8.sms.Sms;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the sending process mid-campaign, then a resume in another process: every message is accepted
 * exactly once, except the chunks in flight at the kill, which are reported as ambiguous and not sent again.
 */
class KillNineTest {

    private static final int MESSAGES = 4_000;

    @TempDir
    Path dir;

    static Campaign.Builder<Sms> campaign(Connect8x8Client client, CampaignJournal journal) {
        return Campaigns.sms(client).campaignId("kill9").journal(journal).concurrency(3).maxBatchBytes(16 * 1024);
    }

    @Test
    void aCampaignKilledMidwayResumesWithoutSendingTwice() throws Exception {
        Path journalFile = dir.resolve("kill9.journal");
        try (Sandbox sandbox = Sandbox.builder().build().start()) {
            killMidway(sandbox, journalFile);
            long acceptedBeforeResume = sandbox.acceptedMessages();
            assertTrue(acceptedBeforeResume < MESSAGES, "killed mid-campaign: " + acceptedBeforeResume);

            CampaignReport resumed;
            try (Connect8x8Client client = Fixtures.client(sandbox.rootUrl(), sandbox.apiKey());
                 FileJournal journal = FileJournal.open(journalFile)) {
                resumed = campaign(client, journal).build().send(Fixtures.smsInput(MESSAGES));
            }

            assertEquals(MESSAGES, resumed.messages());
            assertEquals(MESSAGES, resumed.accepted() + resumed.skipped() + resumed.ambiguous(), resumed.toString());
            assertEquals(0, resumed.failed());
            assertTrue(resumed.skipped() >= 8 * 10, "the chunks the child finished are skipped: " + resumed);
            assertEquals(0, sandbox.duplicateClientMessageIds());
            Map<String, Integer> accepted = Fixtures.acceptedById(sandbox);
            assertTrue(accepted.values().stream().allMatch(n -> n == 1));
            // Chunks in flight at the kill may or may not have arrived; everything else arrived exactly once.
            assertTrue(sandbox.acceptedMessages() >= MESSAGES - resumed.ambiguous());
            assertTrue(sandbox.acceptedMessages() <= MESSAGES);
            for (ChunkReport chunk : resumed.chunks()) {
                if (chunk.outcome() == ChunkOutcome.AMBIGUOUS) {
                    assertTrue(chunk.detail().contains("earlier run"), chunk.toString());
                }
            }
        }
    }

    /**
     * Issue 16's done-when: killed mid-flight, resumed with reconciliation from the simulator's log export (the
     * resume's clock an hour on, so the export lag has passed): 0 ambiguous, each message accepted exactly once by
     * the simulator's own count.
     */
    @Test
    void aCampaignKilledMidwayAndResumedWithReconciliationLeavesNothingAmbiguous() throws Exception {
        Path journalFile = dir.resolve("kill9r.journal");
        try (Sandbox sandbox = Sandbox.builder().build().start()) {
            killMidway(sandbox, journalFile);
            assertTrue(sandbox.acceptedMessages() < MESSAGES, "killed mid-campaign");

            CampaignReport resumed;
            // A long read timeout: the simulator loads 8x8's complete documents (the log export's) after the sends'.
            try (Connect8x8Client client = Fixtures.client(sandbox.rootUrl(), sandbox.apiKey(),
                    Duration.ofSeconds(60));
                 FileJournal journal = FileJournal.open(journalFile)) {
                LogExportRecords export = LogExportRecords.sms(client).exportLag(Duration.ZERO)
                        .clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(1))).build();
                resumed = campaign(client, journal).recordsMargin(Duration.ofMinutes(1)).records(export).build()
                        .send(Fixtures.smsInput(MESSAGES));
            }

            assertEquals(0, resumed.ambiguous(), resumed.chunks().toString());
            assertEquals(MESSAGES, resumed.accepted() + resumed.skipped(), resumed.toString());
            Map<String, Integer> accepted = Fixtures.acceptedById(sandbox);
            assertEquals(MESSAGES, accepted.size(), "every message accepted");
            assertTrue(accepted.values().stream().allMatch(n -> n == 1), "each exactly once");
            assertEquals(MESSAGES, sandbox.acceptedMessages());
            assertEquals(0, sandbox.duplicateClientMessageIds());
        }
    }

    /** Runs the campaign in a child JVM and kills it ({@code destroyForcibly}) once 8 chunks have an outcome. */
    private void killMidway(Sandbox sandbox, Path journalFile) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                KillNineChild.class.getName(), sandbox.rootUrl(), sandbox.apiKey(), journalFile.toString(),
                Integer.toString(MESSAGES))
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            awaitOutcomes(journalFile, child, 8);
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child process ends");
        }
    }

    /** Waits until the journal records {@code outcomes} chunk outcomes: the child is then mid-campaign. */
    private static void awaitOutcomes(Path journal, Process child, int outcomes) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (Files.exists(journal)) {
                long done = Files.readAllLines(journal, StandardCharsets.UTF_8).stream()
                        .filter(line -> line.contains(" O ")).count();
                if (done >= outcomes) {
                    return;
                }
            }
            Thread.onSpinWait();
            Thread.sleep(10);
        }
        throw new AssertionError("the child recorded no progress; its log: "
                + Files.readString(journal.resolveSibling("child.log")));
    }
}
