package io.connect8x8.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.sandbox.Sandbox;
import io.connect8x8.sandbox.SandboxMessage;
import io.connect8x8.sms.Sms;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Message details by umid as a reconciliation source: a chunk processed by 8x8 whose answer was lost (the proxy
 * resets the connection after forwarding it) is settled from 8x8's details of the umids known for its messages, one
 * request each on the client's generic path; a umid 8x8 does not know leaves its message unknown.
 */
class MessageDetailsRecordsTest {

    private static final int MESSAGES = 200;

    @TempDir
    Path dir;

    private static Campaign.Builder<Sms> campaign(Connect8x8Client client, CampaignJournal journal) {
        return Campaigns.sms(client).campaignId("details").journal(journal).concurrency(1).maxAttempts(1)
                .maxBatchBytes(16 * 1024);
    }

    @Test
    void aChunkWhoseAnswerWasLostIsSettledFromTheDetailsOfItsKnownUmids() throws Exception {
        try (Sandbox sandbox = Sandbox.builder().build().start();
             FaultProxy proxy = new FaultProxy(sandbox.rootUrl()).on(2, FaultProxy.Fault.RESET_AFTER_FORWARD);
             Connect8x8Client viaProxy = Fixtures.client(proxy.url(), sandbox.apiKey(), Duration.ofSeconds(60));
             Connect8x8Client client = Fixtures.client(sandbox.rootUrl(), sandbox.apiKey(), Duration.ofSeconds(60));
             FileJournal journal = FileJournal.open(dir.resolve("details.journal"))) {
            CampaignReport first = campaign(viaProxy, journal).build().send(Fixtures.smsInput(MESSAGES));
            ChunkReport lost = first.chunks().stream().filter(c -> c.outcome() == ChunkOutcome.AMBIGUOUS)
                    .findFirst().orElseThrow();
            assertEquals("details-1", lost.clientBatchId());
            int size = lost.messages();
            // What a receipt ledger would know: each accepted message's umid by its clientMessageId.
            Map<String, String> ledger = sandbox.messages().stream().collect(Collectors.toMap(
                    SandboxMessage::clientMessageId, SandboxMessage::umid));
            String firstOfChunk = sandbox.messages().stream().filter(m -> "details-1".equals(m.clientBatchId()))
                    .map(SandboxMessage::clientMessageId).findFirst().orElseThrow();
            long accepted = sandbox.acceptedMessages();
            long requests = sandbox.requestCount();

            // One umid wrong (8x8 never gave it: 404): that message stays unknown, so the chunk stays ambiguous.
            Map<String, String> oneWrong = new HashMap<>(ledger);
            oneWrong.put(firstOfChunk, "0b7a8c1e-2f6d-4e1a-9c3b-5d4e6f708192");
            CampaignReport partly = campaign(client, journal)
                    .records(MessageDetailsRecords.sms(client, ids -> pick(oneWrong, ids))).build()
                    .send(Fixtures.smsInput(MESSAGES));
            assertEquals(size, partly.ambiguous(), partly.toString());
            String detail = partly.chunks().stream().filter(c -> c.outcome() == ChunkOutcome.AMBIGUOUS)
                    .findFirst().orElseThrow().detail();
            assertTrue(detail.startsWith("reconciliation: " + (size - 1) + " of " + size + " found in 8x8's records, 1 "
                    + "unknown (no source covers the window"), detail);
            assertEquals(requests + size, sandbox.requestCount(), "one details request per known umid");

            CampaignReport settled = campaign(client, journal)
                    .records(MessageDetailsRecords.sms(client, ids -> pick(ledger, ids))).build()
                    .send(Fixtures.smsInput(MESSAGES));
            assertEquals(0, settled.ambiguous(), settled.toString());
            assertEquals(size, settled.accepted());
            assertEquals(MESSAGES - size, settled.skipped());
            assertEquals(accepted, sandbox.acceptedMessages(), "nothing was sent again");
            assertEquals(MESSAGES, sandbox.acceptedMessages());
            assertEquals(0, sandbox.duplicateClientMessageIds());
        }
    }

    private static Map<String, String> pick(Map<String, String> ledger, java.util.Set<String> ids) {
        Map<String, String> known = new HashMap<>();
        for (String id : ids) {
            if (ledger.containsKey(id)) {
                known.put(id, ledger.get(id));
            }
        }
        return known;
    }

    @Test
    void detailsOfAMessageNeverProveItAbsent() throws Exception {
        try (Sandbox sandbox = Sandbox.builder().build().start();
             Connect8x8Client client = Fixtures.client(sandbox.rootUrl(), sandbox.apiKey(), Duration.ofSeconds(60))) {
            RecordsAnswer answer = MessageDetailsRecords.sms(client, ids -> Map.of("a-1",
                    "0b7a8c1e-2f6d-4e1a-9c3b-5d4e6f708192")).lookup(new AmbiguousChunk("a", 0, "a-0",
                    List.of("a-1", "a-2"), null, null));
            assertEquals(new RecordsAnswer(java.util.Set.of(), false), answer);
        }
    }
}
