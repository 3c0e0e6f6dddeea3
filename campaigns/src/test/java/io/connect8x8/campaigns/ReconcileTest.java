package io.connect8x8.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.sandbox.Sandbox;
import io.connect8x8.sandbox.SandboxMessage;
import io.connect8x8.sms.Sms;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 1: a resume settles ambiguous chunks from 8x8's records, here through fake sources. A proxy answers
 * 500 to chunk 1 without forwarding it (it never reached 8x8) and resets the connection after forwarding chunk 3
 * (8x8 processed it, the answer was lost): both are ambiguous to the client.
 */
class ReconcileTest {

    private static final int MESSAGES = 400;
    private static final long BUDGET = 16 * 1024;

    @TempDir
    Path dir;

    /** A source that reads the simulator's own record, as a complete log export would. */
    private static MessageRecords simulatorRecords(Sandbox sandbox, boolean covers, List<AmbiguousChunk> asked) {
        return chunk -> {
            asked.add(chunk);
            Set<String> received = sandbox.messages().stream().map(SandboxMessage::clientMessageId)
                    .collect(Collectors.toSet());
            Set<String> found = new HashSet<>(chunk.clientMessageIds());
            found.retainAll(received);
            return new RecordsAnswer(found, covers);
        };
    }

    private static Campaign.Builder<Sms> campaign(Connect8x8Client client, CampaignJournal journal) {
        return Campaigns.sms(client).campaignId("recon").journal(journal).concurrency(1).maxAttempts(1)
                .maxBatchBytes(BUDGET);
    }

    @Test
    void aResumeSendsOnlyWhatTheRecordsProveAbsentAndCountsTheRestAccepted() throws Exception {
        try (Sandbox sandbox = Sandbox.builder().build().start();
             FaultProxy proxy = new FaultProxy(sandbox.rootUrl())
                     .on(2, FaultProxy.Fault.SERVER_ERROR)
                     .on(4, FaultProxy.Fault.RESET_AFTER_FORWARD);
             Connect8x8Client client = Fixtures.client(proxy.url(), sandbox.apiKey());
             FileJournal journal = FileJournal.open(dir.resolve("recon.journal"))) {
            CampaignReport first = campaign(client, journal).build().send(Fixtures.smsInput(MESSAGES));
            List<ChunkReport> ambiguous = first.chunks().stream()
                    .filter(c -> c.outcome() == ChunkOutcome.AMBIGUOUS).toList();
            assertEquals(List.of("recon-1", "recon-3"), ambiguous.stream().map(ChunkReport::clientBatchId).toList());
            long before = sandbox.requestCount();

            int neverArrived = ambiguous.get(0).messages();
            int processed = ambiguous.get(1).messages();

            // Records that do not cover the window prove nothing absent: chunk 3, every message found, is settled;
            // chunk 1, none found, stays ambiguous; nothing is sent.
            List<AmbiguousChunk> asked = new CopyOnWriteArrayList<>();
            CampaignReport uncovered = campaign(client, journal).records(simulatorRecords(sandbox, false, asked))
                    .build().send(Fixtures.smsInput(MESSAGES));
            assertEquals(neverArrived, uncovered.ambiguous());
            assertEquals(processed, uncovered.accepted());
            assertEquals(before, sandbox.requestCount());
            ChunkReport stillAmbiguous = uncovered.chunks().stream()
                    .filter(c -> c.outcome() == ChunkOutcome.AMBIGUOUS).findFirst().orElseThrow();
            assertTrue(stillAmbiguous.detail().startsWith("reconciliation: 0 of " + neverArrived + " found in 8x8's "
                    + "records, " + neverArrived + " unknown (no source covers the window from "),
                    stillAmbiguous.detail());
            AmbiguousChunk question = asked.get(0);
            assertEquals("recon-1", question.clientBatchId());
            assertTrue(question.from() != null && question.from().isBefore(question.to()), "the journal's time");

            CampaignReport settled = campaign(client, journal).records(simulatorRecords(sandbox, true, asked))
                    .build().send(Fixtures.smsInput(MESSAGES));

            assertEquals(0, settled.ambiguous(), settled.chunks().toString());
            assertEquals(neverArrived, settled.accepted(), "the last ambiguous chunk settled");
            assertEquals(before + 1, sandbox.requestCount(), "only chunk 1, which never reached 8x8, is sent");
            Map<String, Integer> accepted = Fixtures.acceptedById(sandbox);
            assertEquals(MESSAGES, accepted.size());
            assertEquals(List.of(1), accepted.values().stream().distinct().toList(), "each exactly once");
            assertEquals(0, sandbox.duplicateClientMessageIds());

            CampaignReport after = campaign(client, journal).build().send(Fixtures.smsInput(MESSAGES));
            assertEquals(MESSAGES, after.skipped(), "settled chunks are done for good");
        }
    }

    @Test
    void onlyTheAbsentMessagesOfAChunkAreSentAgainUnderTheirOwnIds() throws Exception {
        try (Sandbox sandbox = Sandbox.builder().build().start();
             FaultProxy proxy = new FaultProxy(sandbox.rootUrl()).on(1, FaultProxy.Fault.SERVER_ERROR);
             Connect8x8Client client = Fixtures.client(proxy.url(), sandbox.apiKey());
             FileJournal journal = FileJournal.open(dir.resolve("partial.journal"))) {
            CampaignReport first = campaign(client, journal).build().send(Fixtures.smsInput(MESSAGES));
            ChunkReport lost = first.chunks().get(0);
            assertEquals(ChunkOutcome.AMBIGUOUS, lost.outcome());
            // A source that says the first 10 messages of chunk 0 were received (say, from their receipts), and
            // covers the window: the other ones are absent.
            Set<String> firstTen = Set.of("recon-0", "recon-1", "recon-2", "recon-3", "recon-4", "recon-5",
                    "recon-6", "recon-7", "recon-8", "recon-9");
            CampaignReport settled = campaign(client, journal)
                    .records(new ReceiptRecords(ids -> firstTen), chunk -> new RecordsAnswer(Set.of(), true))
                    .build().send(Fixtures.smsInput(MESSAGES));

            assertEquals(0, settled.ambiguous());
            assertEquals(lost.messages(), settled.accepted());
            Set<String> resent = sandbox.messages().stream().map(SandboxMessage::clientMessageId)
                    .filter(id -> Integer.parseInt(id.substring("recon-".length())) < lost.messages())
                    .collect(Collectors.toSet());
            assertEquals(lost.messages() - 10, resent.size());
            assertTrue(resent.stream().noneMatch(firstTen::contains), resent.toString());
            assertTrue(settled.chunks().get(0).detail().startsWith("reconciled: 10 found in 8x8's records, "
                    + (lost.messages() - 10) + " absent and sent again"), settled.chunks().get(0).detail());
        }
    }

    @Test
    void aReconciledChunkWhoseResendWasNotSentIsReconciledAgainNeverSentWhole() throws Exception {
        // Each run opens the journal anew, as a new process would: the times come back from the file.
        Path file = dir.resolve("resend.journal");
        try (Sandbox sandbox = Sandbox.builder().build().start();
             FaultProxy proxy = new FaultProxy(sandbox.rootUrl()).on(1, FaultProxy.Fault.SERVER_ERROR);
             Connect8x8Client client = Fixtures.client(proxy.url(), sandbox.apiKey())) {
            CampaignReport first;
            try (FileJournal journal = FileJournal.open(file)) {
                first = campaign(client, journal).build().send(Fixtures.smsInput(MESSAGES));
            }
            ChunkReport lost = first.chunks().get(0);
            assertEquals(ChunkOutcome.AMBIGUOUS, lost.outcome());
            // The records say the chunk's first ten reached 8x8; the resend of the others then gets 503 (not
            // processed, and maxAttempts 1: no retry).
            Set<String> firstTen = Set.of("recon-0", "recon-1", "recon-2", "recon-3", "recon-4", "recon-5",
                    "recon-6", "recon-7", "recon-8", "recon-9");
            MessageRecords records = new ReceiptRecords(ids -> firstTen);
            List<AmbiguousChunk> asked = new CopyOnWriteArrayList<>();
            MessageRecords covering = chunk -> {
                asked.add(chunk);
                return new RecordsAnswer(Set.of(), true);
            };
            proxy.on(first.chunks().size() + 1, FaultProxy.Fault.UNAVAILABLE);

            CampaignReport failed;
            try (FileJournal journal = FileJournal.open(file)) {
                failed = campaign(client, journal).records(records, covering).build()
                        .send(Fixtures.smsInput(MESSAGES));
            }

            ChunkReport chunk = failed.chunks().get(0);
            assertEquals(ChunkOutcome.AMBIGUOUS, chunk.outcome(), chunk.detail());
            assertTrue(chunk.detail().startsWith("reconciled: 10 found in 8x8's records, " + (lost.messages() - 10)
                    + " absent and sent again, then "), chunk.detail());
            assertTrue(chunk.detail().endsWith("; the absent messages were not sent, a re-run reconciles the chunk "
                    + "again"), chunk.detail());
            assertEquals(lost.messages(), failed.ambiguous());

            CampaignReport settled;
            try (FileJournal journal = FileJournal.open(file)) {
                settled = campaign(client, journal).records(records, covering).build()
                        .send(Fixtures.smsInput(MESSAGES));
            }

            assertEquals(0, settled.ambiguous(), settled.chunks().toString());
            assertEquals(lost.messages(), settled.accepted());
            // The ten the records found were never sent again (a NOT_SENT chunk would have been sent whole).
            Set<String> received = sandbox.messages().stream().map(SandboxMessage::clientMessageId)
                    .collect(Collectors.toSet());
            assertTrue(firstTen.stream().noneMatch(received::contains), "the found ten were sent again");
            assertEquals(0, sandbox.duplicateClientMessageIds());
            assertEquals(MESSAGES - 10, Fixtures.acceptedById(sandbox).size());
            // The second reconciliation asks about the span of both sends: from the first (whose ten the records
            // hold) to the resend, not about the resend's window alone, where a log export would miss the ten.
            assertEquals(2, asked.size());
            assertEquals(asked.get(0).from(), asked.get(1).from());
            assertTrue(asked.get(1).to().isAfter(asked.get(0).to()), asked.toString());
        }
    }
}
