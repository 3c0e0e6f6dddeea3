package io.connect8x8.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.sandbox.Sandbox;
import io.connect8x8.sandbox.SandboxExtension;
import io.connect8x8.sandbox.TestNumbers;
import io.connect8x8.sms.Sms;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Messages 8x8 rejects inside a batch it accepts (the simulator's {@link TestNumbers#INVALID}), over real HTTP. */
class RejectedMessagesTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = Fixtures.sandbox(Duration.ofSeconds(3));

    /** The simulator quotes the number; the report holds it masked. */
    private static final String REASON = "Invalid MSISDN +1********02 (test number)";

    /** Five rows; rows 1 and 3 go to the number the simulator rejects inside a batch (SMS code 1002). */
    private static List<Sms> input() {
        return IntStream.range(0, 5).mapToObj(i -> Sms.builder()
                .to(i == 1 || i == 3 ? TestNumbers.INVALID : "+6594" + String.format("%06d", i))
                .text("Hello " + i).build()).toList();
    }

    @Test
    void aResumeOfACampaignWithRejectedMessagesDoesNotCallItAllAccepted(Sandbox sandbox, Connect8x8Client client, @TempDir Path dir) {
        Path file = dir.resolve("rej.journal");
        CampaignReport first;
        try (FileJournal journal = FileJournal.open(file)) {
            first = Campaigns.sms(client).campaignId("rej").journal(journal).build().send(input().iterator());
        }
        assertEquals(3, first.accepted());
        assertEquals(2, first.rejected());
        assertFalse(first.allAccepted());

        CampaignReport resumed;
        try (FileJournal journal = FileJournal.open(file)) {
            resumed = Campaigns.sms(client).campaignId("rej").journal(journal).build().send(input().iterator());
        }

        assertEquals(5, resumed.skipped());
        assertEquals(0, resumed.requests());
        assertEquals(List.of(new ChunkReport(0, "rej-0", 5, ChunkOutcome.SKIPPED, 3, 2,
                first.chunks().get(0).detail(), first.rejections())), resumed.chunks());
        assertFalse(resumed.allAccepted(), "two messages of the campaign were rejected by the first run");
        assertEquals(3, sandbox.acceptedMessages(), "nothing sent twice");
    }

    @Test
    void theMessagesRejectedInsideAnAcceptedBatchAreListedAndAResumeStillListsThemWithoutSendingThem(
            Sandbox sandbox, Connect8x8Client client, @TempDir Path dir) {
        Path file = dir.resolve("list.journal");
        CampaignReport first;
        try (FileJournal journal = FileJournal.open(file)) {
            first = Campaigns.sms(client).campaignId("list").journal(journal).build().send(input().iterator());
        }
        List<RejectedMessage> expected = List.of(
                new RejectedMessage(1, "list-1", "+1********02", null, REASON),
                new RejectedMessage(3, "list-3", "+1********02", null, REASON));
        assertEquals(expected, first.rejections());
        assertEquals(expected, first.chunks().get(0).rejections());
        assertEquals("#1 list-1 +1********02 " + REASON, first.rejections().get(0).describe());

        // A new process: the journal file alone tells the resume which messages were rejected.
        CampaignReport resumed;
        try (FileJournal journal = FileJournal.open(file)) {
            assertEquals(expected, journal.record("list", 0).rejections());
            resumed = Campaigns.sms(client).campaignId("list").journal(journal).build().send(input().iterator());
        }
        assertEquals(expected, resumed.rejections());
        assertEquals(0, resumed.requests());
        assertEquals(1, sandbox.requestCount(), "the resume sent nothing, the rejected messages included");
    }

    /**
     * A campaign whose every message is rejected (a wrong template, a bad list) keeps the first
     * {@link CampaignReport#MAX_REJECTIONS} by position in its report, whatever order its chunks finish in, with the
     * counts whole; each chunk's journal record keeps all of its own.
     */
    @Test
    void aReportListsTheRejectionsOfTheLowestPositionsUpToItsLimitAndTheJournalKeepsEveryOne(Sandbox sandbox, Connect8x8Client client, @TempDir Path dir) {
        int total = CampaignReport.MAX_REJECTIONS + 205;
        List<Sms> input = IntStream.range(0, total).mapToObj(i -> Sms.builder().to(TestNumbers.INVALID)
                .text("Hello " + i).build()).toList();
        CampaignReport report;
        try (FileJournal journal = FileJournal.open(dir.resolve("all.journal"))) {
            report = Campaigns.sms(client).campaignId("all").journal(journal).maxBatchBytes(40_000).concurrency(3)
                    .build().send(input.iterator());
            int chunks = report.chunks().size();
            assertTrue(chunks >= 3, "several chunks: " + chunks);
            long kept = 0;
            for (int sequence = 0; sequence < chunks; sequence++) {
                ChunkRecord record = journal.record("all", sequence);
                assertEquals(record.rejected(), record.rejections().size());
                kept += record.rejections().size();
            }
            assertEquals(total, kept, "the journal keeps every rejected message");
        }
        assertEquals(total, report.rejected());
        assertEquals(total, report.chunks().stream().mapToLong(ChunkReport::rejected).sum());
        assertEquals(LongStream.range(0, CampaignReport.MAX_REJECTIONS).boxed().toList(),
                report.rejections().stream().map(RejectedMessage::position).toList());
    }

    @Test
    void aChatMessageRejectedInsideABatchCarries8x8sErrorCode(Sandbox sandbox, Connect8x8Client client) {
        List<ChatMessage> input = IntStream.range(0, 3).mapToObj(i -> ChatMessage.builder()
                .to(i == 2 ? TestNumbers.INVALID : "+6595" + String.format("%06d", i)).text("Hi " + i).build())
                .toList();

        CampaignReport report = Campaigns.chatApps(client).campaignId("chat").journal(new MemoryJournal()).build()
                .send(input.iterator());

        assertEquals(2, report.accepted());
        assertEquals(1, report.rejected());
        assertEquals(List.of(new RejectedMessage(2, "chat-2", "+1********02", 3003, REASON)),
                report.rejections());
    }
}
