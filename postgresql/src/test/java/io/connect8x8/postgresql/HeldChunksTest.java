package io.connect8x8.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.campaigns.CampaignJournal;
import io.connect8x8.campaigns.CampaignReport;
import io.connect8x8.campaigns.Campaigns;
import io.connect8x8.campaigns.ChunkIntent;
import io.connect8x8.campaigns.ChunkOutcome;
import io.connect8x8.campaigns.ChunkRecord;
import io.connect8x8.campaigns.ChunkReport;
import io.connect8x8.campaigns.ChunkState;
import io.connect8x8.campaigns.ChunkStatus;
import io.connect8x8.campaigns.Claim;
import io.connect8x8.sandbox.Sandbox;
import io.connect8x8.sandbox.SandboxMessage;
import io.connect8x8.sms.Sms;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A worker killed ({@code kill -9}) and restarted within its lease: the chunks its predecessor claimed and never sent
 * are reported held, not finished, with the lease's end; a chunk another worker finished during the run is reported
 * finished elsewhere. Real PostgreSQL and the simulator.
 */
class HeldChunksTest {

    private static final int MESSAGES = 200;
    /** About 70 of these messages a request, so the campaign has three chunks. */
    private static final long BATCH_BYTES = 16 * 1024;

    private static DataSource dataSource;
    private static Sandbox sandbox;
    private static Connect8x8Client client;

    @BeforeAll
    static void start() {
        dataSource = TestDatabases.dataSource(TestDatabases.create());
        sandbox = Sandbox.builder().build().start();
        client = Connect8x8Client.builder().apiKey(sandbox.apiKey()).smsBaseUrl(sandbox.rootUrl() + "/sms")
                .subAccountId("campaign-sub").readTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    private static Iterator<Sms> input() {
        return IntStream.range(0, MESSAGES).mapToObj(i -> Sms.builder().to("+6593" + String.format("%06d", i))
                .text("Dear customer " + i + ", the sale starts tomorrow").build()).iterator();
    }

    private static CampaignReport run(String campaign, CampaignJournal journal) {
        return Campaigns.sms(client).campaignId(campaign).journal(journal).concurrency(1)
                .maxBatchBytes(BATCH_BYTES).build().send(input());
    }

    /** A real journal whose claims go through a hook, which makes the real claim when it calls the supplier. */
    private static CampaignJournal hooked(PostgresCampaignJournal journal,
                                          BiFunction<ChunkIntent, Supplier<Claim>, Claim> onClaim) {
        return new CampaignJournal() {
            @Override
            public Claim claim(ChunkIntent intent, boolean resendAmbiguous) {
                return onClaim.apply(intent, () -> journal.claim(intent, resendAmbiguous));
            }

            @Override
            public boolean sending(ChunkIntent intent) {
                return journal.sending(intent);
            }

            @Override
            public Optional<ChunkStatus> status(ChunkIntent intent) {
                return journal.status(intent);
            }

            @Override
            public void complete(ChunkIntent intent, ChunkRecord outcome) {
                journal.complete(intent, outcome);
            }

            @Override
            public void close() {
            }
        };
    }

    private static Map<String, Integer> acceptedById() {
        Map<String, Integer> counts = new HashMap<>();
        for (SandboxMessage message : sandbox.messages()) {
            if (message.accepted()) {
                counts.merge(message.clientMessageId(), 1, Integer::sum);
            }
        }
        return counts;
    }

    @Test
    void aKilledPredecessorsLeasedChunkIsHeldNotFinishedUntilItsLeaseEndsThenSentOnce() throws Exception {
        // The predecessor claims chunk 1 and dies before writing anything (what kill -9 leaves: CLAIMED, its lease on).
        PostgresCampaignJournal predecessor = PostgresCampaignJournal.builder(dataSource).worker("killed").build();
        RuntimeException killed = new IllegalStateException("killed");
        assertThrows(IllegalStateException.class, () -> run("held", hooked(predecessor, (intent, claim) -> {
            Claim made = claim.get();
            if (intent.sequence() == 1) {
                throw killed;
            }
            return made;
        })));
        int before = sandbox.messages().size();

        PostgresCampaignJournal restarted = PostgresCampaignJournal.builder(dataSource).worker("restarted")
                .lease(Duration.ofMinutes(5)).build();
        CampaignReport report = run("held", restarted);

        ChunkReport chunk1 = report.chunks().get(1);
        assertEquals(ChunkOutcome.HELD, chunk1.outcome(), chunk1.toString());
        assertTrue(chunk1.detail().contains("worker killed"), chunk1.detail());
        assertEquals(chunk1.messages(), report.held(), "held, not finished");
        assertEquals(0, report.elsewhere(), "nothing was finished by another worker");
        assertFalse(report.allAccepted());
        assertEquals(claimedAt("held", 1).plus(Duration.ofMinutes(5)), report.heldUntil());
        assertEquals(MESSAGES - chunk1.messages(), acceptedById().size(), "chunk 1 was sent by no one");
        assertTrue(sandbox.messages().size() > before, "the restarted worker sent the chunks no one held");

        // Once the lease has run out (a lease of zero here), the next run takes the chunk over and sends it, once.
        CampaignReport after = run("held", PostgresCampaignJournal.builder(dataSource).worker("later")
                .lease(Duration.ZERO).build());
        assertEquals(chunk1.messages(), after.accepted());
        assertEquals(0, after.held());
        assertNull(after.heldUntil());
        Map<String, Integer> accepted = acceptedById();
        assertEquals(MESSAGES, accepted.size());
        assertTrue(accepted.values().stream().allMatch(n -> n == 1), accepted.toString());
    }

    @Test
    void aChunkAnotherWorkerFinishesDuringTheRunIsFinishedElsewhereNotHeld() {
        PostgresCampaignJournal peer = PostgresCampaignJournal.builder(dataSource).worker("peer").build();
        PostgresCampaignJournal self = PostgresCampaignJournal.builder(dataSource).worker("self").build();

        CampaignReport report = run("finished", hooked(self, (intent, claim) -> {
            if (intent.sequence() != 1) {
                return claim.get();
            }
            // The peer claims chunk 1 first, so this run finds it held; the peer's answer comes before this run ends.
            assertEquals(Claim.Verdict.SEND, peer.claim(intent, false).verdict());
            assertTrue(peer.sending(intent));
            Claim mine = claim.get();
            assertEquals(Claim.Verdict.ELSEWHERE, mine.verdict());
            peer.complete(intent, new ChunkRecord(ChunkState.ACCEPTED, intent.messages(), 0, "peer-batch"));
            return mine;
        }));

        ChunkReport chunk1 = report.chunks().get(1);
        assertEquals(ChunkOutcome.ELSEWHERE, chunk1.outcome(), chunk1.toString());
        assertEquals(chunk1.messages(), chunk1.accepted(), "the peer's counts");
        assertTrue(chunk1.detail().contains("peer-batch"), chunk1.detail());
        assertEquals(chunk1.messages(), report.elsewhere());
        assertEquals(0, report.held());
        assertNull(report.heldUntil());
        assertEquals(MESSAGES - chunk1.messages(), report.accepted());
        assertEquals(MESSAGES - chunk1.messages(), acceptedById().size(), "chunk 1 is the peer's to send, not ours");
    }

    private static Instant claimedAt(String campaign, long sequence) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement read = connection.prepareStatement("SELECT claimed_at, state, worker FROM "
                     + PostgresCampaignJournal.TABLE + " WHERE campaign_id = ? AND sequence = ?")) {
            read.setString(1, campaign);
            read.setLong(2, sequence);
            try (ResultSet row = read.executeQuery()) {
                assertTrue(row.next());
                assertEquals(List.of("CLAIMED", "killed"), List.of(row.getString(2), row.getString(3)));
                return row.getTimestamp(1).toInstant();
            }
        }
    }
}
