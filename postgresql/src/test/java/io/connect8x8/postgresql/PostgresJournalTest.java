package io.connect8x8.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.campaigns.ChunkIntent;
import io.connect8x8.campaigns.ChunkRecord;
import io.connect8x8.campaigns.ChunkState;
import io.connect8x8.campaigns.ChunkStatus;
import io.connect8x8.campaigns.Claim;
import io.connect8x8.campaigns.JournalException;
import io.connect8x8.campaigns.RejectedMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How the PostgreSQL journal decides, per chunk, between workers and across runs. */
class PostgresJournalTest {

    private static DataSource dataSource;

    @BeforeAll
    static void createDatabase() {
        dataSource = TestDatabases.dataSource(TestDatabases.create());
    }

    private static ChunkIntent chunk(String campaign, long sequence) {
        return new ChunkIntent(campaign, sequence, campaign + "-" + sequence, 10, "f" + sequence);
    }

    @Test
    void aWorkerWithoutANameIsNamedByHostAndProcessAndARandomPartOfItsOwn() {
        PostgresCampaignJournal first = PostgresCampaignJournal.builder(dataSource).build();
        PostgresCampaignJournal second = PostgresCampaignJournal.builder(dataSource).build();
        String pid = Long.toString(ProcessHandle.current().pid());

        assertTrue(first.worker().matches(".+/" + pid + "/[0-9a-f]{12}"), first.worker());
        assertTrue(second.worker().matches(".+/" + pid + "/[0-9a-f]{12}"), second.worker());
        // Same host and process: only the random part tells them apart, as it tells a restarted container's pid 1
        // from its predecessor's.
        assertFalse(first.worker().equals(second.worker()));
        ChunkIntent intent = chunk("unnamed", 0);
        assertEquals(Claim.Verdict.SEND, first.claim(intent, false).verdict());
        assertEquals(Claim.Verdict.ELSEWHERE, second.claim(intent, false).verdict());
        assertEquals("worker " + first.worker(), second.status(intent).orElseThrow().record().detail());
    }

    @Test
    void oneWorkerClaimsAChunkTheOtherSeesItHeldElsewhere() {
        PostgresCampaignJournal a = PostgresCampaignJournal.builder(dataSource).worker("a").build();
        PostgresCampaignJournal b = PostgresCampaignJournal.builder(dataSource).worker("b").build();
        ChunkIntent intent = chunk("held", 0);

        assertEquals(Claim.Verdict.SEND, a.claim(intent, false).verdict());
        assertEquals(Claim.Verdict.ELSEWHERE, b.claim(intent, false).verdict());
        a.complete(intent, new ChunkRecord(ChunkState.ACCEPTED, 10, 0, "batch-1"));
        Claim done = b.claim(intent, false);
        assertEquals(new Claim(Claim.Verdict.DONE, new ChunkRecord(ChunkState.ACCEPTED, 10, 0, "batch-1")), done);
    }

    @Test
    void theMessagesRejectedInsideAnAcceptedChunkAreReadBackByAnotherWorker() {
        PostgresCampaignJournal a = PostgresCampaignJournal.builder(dataSource).worker("a").build();
        PostgresCampaignJournal b = PostgresCampaignJournal.builder(dataSource).worker("b").build();
        ChunkIntent intent = chunk("rejections", 0);
        // A reason with the codec's separators and text beyond ASCII, and a message whose answer gave no reason.
        List<RejectedMessage> rejections = List.of(
                new RejectedMessage(3, "rejections-3", "+65******78", 3038, "Template not found; name, language é"),
                new RejectedMessage(7, "mine 7", null, null, null));
        ChunkRecord outcome = new ChunkRecord(ChunkState.ACCEPTED, 8, 2, "batch-9", rejections);

        assertEquals(Claim.Verdict.SEND, a.claim(intent, false).verdict());
        assertTrue(a.sending(intent));
        a.complete(intent, outcome);

        assertEquals(new Claim(Claim.Verdict.DONE, outcome), b.claim(intent, false));
        assertEquals(new ChunkStatus(outcome, false, null), b.status(intent).orElseThrow());
    }

    /** A row changed by hand is a {@link JournalException} naming the chunk, as the file journal's corrupt line is. */
    @Test
    void aCorruptRowIsAJournalExceptionNamingTheChunk() throws Exception {
        PostgresCampaignJournal journal = PostgresCampaignJournal.builder(dataSource).worker("a").build();
        ChunkIntent intent = chunk("corrupt", 0);
        journal.claim(intent, false);
        journal.sending(intent);
        journal.complete(intent, new ChunkRecord(ChunkState.ACCEPTED, 1, 1, "batch-1",
                List.of(new RejectedMessage(1, "corrupt-1", "+65******78", null, "Invalid MSISDN"))));
        try (var connection = dataSource.getConnection(); var update = connection.prepareStatement("UPDATE "
                + PostgresCampaignJournal.TABLE + " SET rejections = 'x,1' WHERE campaign_id = 'corrupt'")) {
            assertEquals(1, update.executeUpdate());
        }

        JournalException e = assertThrows(JournalException.class, () -> journal.status(intent));
        assertEquals("chunk 0 of corrupt is corrupt in connect8x8_campaign_chunk: not a rejected message: x,1",
                e.getMessage());
        assertThrows(JournalException.class, () -> journal.claim(intent, false));
    }

    @Test
    void notSentIsClaimedAgainAmbiguousOnlyWhenOptedIn() {
        PostgresCampaignJournal a = PostgresCampaignJournal.builder(dataSource).worker("a").build();
        PostgresCampaignJournal b = PostgresCampaignJournal.builder(dataSource).worker("b").build();
        ChunkIntent notSent = chunk("resume", 0);
        ChunkIntent lost = chunk("resume", 1);
        a.claim(notSent, false);
        a.sending(notSent);
        a.complete(notSent, new ChunkRecord(ChunkState.NOT_SENT, 0, 0, "503"));
        a.claim(lost, false);
        a.sending(lost);
        a.complete(lost, new ChunkRecord(ChunkState.AMBIGUOUS, 0, 0, "reset"));

        assertEquals(Claim.Verdict.SEND, b.claim(notSent, false).verdict());
        assertEquals(Claim.Verdict.AMBIGUOUS, b.claim(lost, false).verdict());
        assertEquals(Claim.Verdict.SEND, b.claim(lost, true).verdict());
    }

    @Test
    void aChunkSentTwiceKeepsItsFirstSendsTimeBesideItsLast() {
        // Sent, ambiguous; reconciled and its absent messages sent again, ambiguous again: 8x8's records may hold
        // messages of both sends, so the next reconciliation asks from the first send's time to the last's.
        PostgresCampaignJournal journal = PostgresCampaignJournal.builder(dataSource).worker("twice").build();
        ChunkIntent intent = chunk("twice", 0);
        journal.claim(intent, false);
        journal.sending(intent);
        journal.complete(intent, new ChunkRecord(ChunkState.AMBIGUOUS, 0, 0, "reset"));
        Instant first = journal.sentAt(intent).orElseThrow();
        assertEquals(first, journal.firstSentAt(intent).orElseThrow());

        assertEquals(Claim.Verdict.SEND, journal.claim(intent, true).verdict());
        journal.sending(intent);
        journal.complete(intent, new ChunkRecord(ChunkState.AMBIGUOUS, 0, 0, "reset again"));

        assertTrue(journal.sentAt(intent).orElseThrow().isAfter(first));
        assertEquals(first, journal.firstSentAt(intent).orElseThrow());
    }

    @Test
    void aClaimOlderThanTheLeaseIsAmbiguousNotElsewhere() {
        PostgresCampaignJournal crashed = PostgresCampaignJournal.builder(dataSource).worker("crashed").build();
        PostgresCampaignJournal later = PostgresCampaignJournal.builder(dataSource).worker("later")
                .lease(Duration.ZERO).build();
        ChunkIntent intent = chunk("crash", 0);
        assertNull(crashed.claim(intent, false).record());
        assertTrue(crashed.sending(intent));

        Claim claim = later.claim(intent, false);
        assertEquals(Claim.Verdict.AMBIGUOUS, claim.verdict());
        assertEquals(ChunkState.SENDING, claim.record().state());
        // Past the lease it is no longer held: its status says what the claim found, with no lease end.
        assertEquals(new ChunkStatus(new ChunkRecord(ChunkState.SENDING, 0, 0,
                "claimed by worker crashed, answer never recorded"), false, null), later.status(intent).orElseThrow());
        assertTrue(crashed.status(intent).orElseThrow().held(), "by the crashed worker's own 5-minute lease");
    }

    @Test
    void aClaimNeverWrittenIsTakenOverAfterTheLeaseAndItsHolderMustNotSend() {
        PostgresCampaignJournal waiting = PostgresCampaignJournal.builder(dataSource).worker("waiting").build();
        PostgresCampaignJournal other = PostgresCampaignJournal.builder(dataSource).worker("other").build();
        PostgresCampaignJournal later = PostgresCampaignJournal.builder(dataSource).worker("later")
                .lease(Duration.ZERO).build();
        ChunkIntent intent = chunk("paced", 0);
        assertEquals(Claim.send(), waiting.claim(intent, false));

        assertEquals(Claim.Verdict.ELSEWHERE, other.claim(intent, false).verdict(), "held within its lease");
        Claim takeOver = later.claim(intent, false);
        assertEquals(Claim.Verdict.SEND, takeOver.verdict(), "never written, so not sent: not ambiguous");
        assertEquals(ChunkState.CLAIMED, takeOver.record().state());
        assertFalse(waiting.sending(intent), "the claim was lost while waiting for the token");
        assertTrue(later.sending(intent));
    }

    @Test
    void changedInputIsRefused() {
        PostgresCampaignJournal a = PostgresCampaignJournal.builder(dataSource).worker("a").build();
        a.claim(chunk("changed", 0), false);
        ChunkIntent other = new ChunkIntent("changed", 0, "changed-0", 10, "another");
        assertThrows(JournalException.class, () -> a.claim(other, false));
    }
}
