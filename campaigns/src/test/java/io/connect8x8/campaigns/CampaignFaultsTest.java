package io.connect8x8.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.Sleeper;
import io.connect8x8.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults in the middle of a campaign, then a resume: the simulator's record proves that every message was accepted
 * once at most, that what provably was not sent was sent on resume, and that ambiguous chunks were reported, not sent
 * again.
 */
class CampaignFaultsTest {

    /** Small enough a byte budget that 1,000 SMS make a dozen chunks. */
    private static final long BUDGET = 16 * 1024;
    private static final int MESSAGES = 1_000;

    @TempDir
    Path dir;

    @Test
    void resumeSendsWhatWasNotSentAndReportsWhatMayHaveBeen() throws Exception {
        try (Sandbox sandbox = Sandbox.builder().build().start();
             FaultProxy proxy = new FaultProxy(sandbox.rootUrl())
                     .on(2, FaultProxy.Fault.SERVER_ERROR)
                     .on(4, FaultProxy.Fault.RESET_AFTER_FORWARD)
                     .on(6, FaultProxy.Fault.HANG_AFTER_FORWARD)
                     .on(8, FaultProxy.Fault.UNAVAILABLE);
             Connect8x8Client client = Fixtures.client(proxy.url(), sandbox.apiKey());
             FileJournal journal = FileJournal.open(dir.resolve("c.journal"))) {

            CampaignReport first = campaign(client, journal).send(Fixtures.smsInput(MESSAGES));

            Map<ChunkOutcome, List<ChunkReport>> byOutcome = first.chunks().stream()
                    .collect(Collectors.groupingBy(ChunkReport::outcome));
            assertEquals(3, byOutcome.get(ChunkOutcome.AMBIGUOUS).size(), "500, reset and timeout: " + first);
            assertEquals(1, byOutcome.get(ChunkOutcome.FAILED).size(), "503, one attempt allowed: " + first);
            assertTrue(first.chunks().size() >= 10, "the byte budget splits the input: " + first.chunks().size());
            assertEquals(MESSAGES, first.messages());
            long ambiguousMessages = count(byOutcome.get(ChunkOutcome.AMBIGUOUS));
            long failedMessages = count(byOutcome.get(ChunkOutcome.FAILED));
            assertEquals(ambiguousMessages, first.ambiguous());
            assertEquals(failedMessages, first.failed());
            assertEquals(MESSAGES - ambiguousMessages - failedMessages, first.accepted());

            CampaignReport second = campaign(client, journal).send(Fixtures.smsInput(MESSAGES));

            assertEquals(failedMessages, second.accepted(), "only the chunk that never reached the server is sent");
            assertEquals(ambiguousMessages, second.ambiguous(), "ambiguous chunks are reported again, not sent");
            assertEquals(first.accepted(), second.skipped());
            assertEquals(0, second.failed());
            assertEquals(1, second.requests());
            Set<String> ambiguousBatches = byOutcome.get(ChunkOutcome.AMBIGUOUS).stream()
                    .map(ChunkReport::clientBatchId).collect(Collectors.toSet());
            assertEquals(ambiguousBatches, second.chunks().stream()
                    .filter(c -> c.outcome() == ChunkOutcome.AMBIGUOUS).map(ChunkReport::clientBatchId)
                    .collect(Collectors.toSet()));

            // The simulator's record: nothing twice; the 500 chunk never arrived, the reset and hung ones did, once.
            assertEquals(0, sandbox.duplicateClientMessageIds());
            Map<String, Integer> accepted = Fixtures.acceptedById(sandbox);
            assertTrue(accepted.values().stream().allMatch(n -> n == 1), "every message accepted at most once");
            long serverErrorMessages = byOutcome.get(ChunkOutcome.AMBIGUOUS).stream()
                    .filter(c -> c.detail().contains("ServerError")).mapToLong(ChunkReport::messages).sum();
            assertEquals(MESSAGES - serverErrorMessages, sandbox.acceptedMessages());
            assertEquals(MESSAGES - serverErrorMessages, accepted.size());
        }
    }

    @Test
    void aTooManyRequestsAnswerHoldsBackAndIsResentOnce() throws Exception {
        try (Sandbox sandbox = Sandbox.builder().build().start();
             Connect8x8Client client = Fixtures.client(sandbox.rootUrl(), sandbox.apiKey());
             FileJournal journal = FileJournal.open(dir.resolve("429.journal"))) {
            sandbox.faults().tooManyRequests(2, 1);
            List<Duration> pacerWaits = new CopyOnWriteArrayList<>();
            Sleeper recording = wait -> {
                pacerWaits.add(wait);
                Sleeper.SYSTEM.sleep(wait);
            };

            CampaignReport report = Campaigns.sms(client).campaignId("spring").journal(journal).concurrency(3)
                    .maxAttempts(3).maxBatchBytes(BUDGET).sleeper(recording).build().send(Fixtures.smsInput(300));

            assertEquals(300, report.accepted());
            assertTrue(report.chunks().size() >= 4, "chunks left to send after the 429s: " + report.chunks().size());
            assertEquals(report.chunks().size() + 2, report.requests(),
                    "each 429 costs one more request, retried by the transport within the same call");
            // The local bucket (1,800 a second) never makes a worker wait: every wait in the pacer is the pause a
            // 429 put on the other workers.
            assertTrue(pacerWaits.stream().anyMatch(w -> !w.isZero()), "a 429 held the other workers back");
            assertEquals(300, sandbox.acceptedMessages());
            assertEquals(0, sandbox.duplicateClientMessageIds());
        }
    }

    private static Campaign<io.connect8x8.sms.Sms> campaign(Connect8x8Client client, CampaignJournal journal) {
        return Campaigns.sms(client).campaignId("spring").journal(journal).concurrency(3).maxAttempts(1)
                .maxBatchBytes(BUDGET).build();
    }

    private static long count(List<ChunkReport> chunks) {
        return chunks.stream().mapToLong(ChunkReport::messages).sum();
    }
}
