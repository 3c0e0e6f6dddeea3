package io.connect8x8.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.Sleeper;
import io.connect8x8.sandbox.Sandbox;
import io.connect8x8.sandbox.SandboxExtension;
import io.connect8x8.sms.Sms;
import io.github.bucket4j.Bucket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed while a chunk waits for its rate-limit token: the chunk never left, so the resume sends it instead of
 * reporting it ambiguous. The kill is the journal file as it stands at that moment (every line is forced to disk
 * before the call returns, so a copy taken then is what {@code kill -9} leaves behind).
 */
class PacerCrashTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = Fixtures.sandbox(Duration.ofSeconds(30));

    @Test
    void aChunkKilledWhileWaitingForItsTokenIsNotSentOnResume(Sandbox sandbox, Connect8x8Client client, @TempDir Path dir) throws Exception {
        Path live = dir.resolve("paced.journal");
        Path atTheKill = dir.resolve("killed.journal");
        int messages = 300;
        // One token, the next an hour away: chunk 0 leaves at once, chunk 1 waits in the pacer.
        Bucket slow = Bucket.builder().addLimit(l -> l.capacity(1).refillIntervally(1, Duration.ofHours(1))).build();
        Sleeper killedWhileWaiting = wait -> {
            try {
                Files.copy(live, atTheKill);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            throw new InterruptedException("killed while waiting for a token");
        };
        try (FileJournal journal = FileJournal.open(live)) {
            Campaign<Sms> paced = Campaigns.sms(client).campaignId("paced").journal(journal).concurrency(1)
                    .maxBatchBytes(16 * 1024).bucket(slow).sleeper(killedWhileWaiting).build();
            assertThrows(RuntimeException.class, () -> paced.send(Fixtures.smsInput(messages)));
        }
        assertEquals(1, sandbox.requestCount(), "only chunk 0 left before the kill");

        CampaignReport resumed;
        try (FileJournal journal = FileJournal.open(atTheKill)) {
            resumed = Campaigns.sms(client).campaignId("paced").journal(journal).concurrency(1)
                    .maxBatchBytes(16 * 1024).build().send(Fixtures.smsInput(messages));
        }

        assertEquals(0, resumed.ambiguous(), resumed.chunks().toString());
        ChunkReport first = resumed.chunks().get(0);
        assertEquals(ChunkOutcome.SKIPPED, first.outcome());
        assertEquals(messages - first.messages(), resumed.accepted());
        assertTrue(resumed.chunks().stream().skip(1).allMatch(c -> c.outcome() == ChunkOutcome.ACCEPTED));
        Map<String, Integer> accepted = Fixtures.acceptedById(sandbox);
        assertEquals(messages, accepted.size(), "every message accepted");
        assertEquals(List.of(1), accepted.values().stream().distinct().toList(), "each exactly once");
    }
}
