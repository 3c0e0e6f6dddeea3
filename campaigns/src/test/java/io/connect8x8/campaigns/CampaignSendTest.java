package io.connect8x8.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.sandbox.Sandbox;
import io.connect8x8.sandbox.SandboxExtension;
import io.connect8x8.sandbox.SandboxMessage;
import io.connect8x8.sms.Sms;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A campaign without faults: how it cuts, names and counts, against the simulator. */
class CampaignSendTest {

    // A full batch of 10,000 personalised messages takes the simulator seconds to validate on a loaded machine.
    @RegisterExtension
    static final SandboxExtension SANDBOX = Fixtures.sandbox(Duration.ofSeconds(60));

    @Test
    void splitsAtTheCountLimitNamesBatchesAndFixesMessageIds(Sandbox sandbox, Connect8x8Client client) {
        List<CampaignProgress> seen = new CopyOnWriteArrayList<>();
        CampaignReport report = Campaigns.sms(client).campaignId("big").journal(new MemoryJournal())
                .listener(seen::add).expectedMessages(20_001).build().send(Fixtures.smsInput(20_001));

        // Two full chunks and one message over: the least that shows the split and the third chunk's name.
        assertEquals(List.of(10_000, 10_000, 1), report.chunks().stream().map(ChunkReport::messages).toList());
        assertEquals(List.of("big-0", "big-1", "big-2"),
                report.chunks().stream().map(ChunkReport::clientBatchId).toList());
        assertEquals(20_001, report.accepted());
        assertEquals(3, report.requests());
        assertTrue(report.allAccepted());
        assertEquals(20_001, sandbox.acceptedMessages());
        assertEquals(0, sandbox.duplicateClientMessageIds());
        SandboxMessage last = sandbox.messages().get(sandbox.messages().size() - 1);
        assertTrue(Set.of("big-20000", "big-19999", "big-9999").contains(last.clientMessageId())
                || last.clientMessageId().startsWith("big-"), last.clientMessageId());
        CampaignProgress end = seen.get(seen.size() - 1);
        assertTrue(end.finished());
        assertEquals(20_001, end.accepted());
        assertEquals(3, end.requests());
    }

    @Test
    void aMalformedMessageIsRefusedAloneAndTheRestIsSent(Sandbox sandbox, Connect8x8Client client) {
        List<Sms> input = new ArrayList<>();
        input.add(Sms.builder().to("+6591000001").text("one").build());
        input.add(Sms.builder().to("+6591000002").build()); // no text, no template text
        input.add(Sms.builder().to("+6591000003").text("three").clientMessageId("mine-3").build());

        CampaignReport report = Campaigns.sms(client).campaignId("bad").journal(new MemoryJournal()).build()
                .send(input.iterator());

        assertEquals(3, report.messages());
        assertEquals(2, report.accepted());
        assertEquals(1, report.rejected());
        assertEquals(1, report.invalid().size());
        assertTrue(report.invalid().get(0).startsWith("#1 "), report.invalid().toString());
        assertEquals(Set.of("bad-0", "mine-3"), sandbox.messages().stream().map(SandboxMessage::clientMessageId)
                .collect(Collectors.toSet()), "the caller's id is kept, the campaign's is its position");
    }

    @Test
    void onePastScheduledAndOneMalformedRowAreRefusedAloneAndTheOther98AreSent(Sandbox sandbox, Connect8x8Client client) {
        // Rows as a user reads them from a file; the mapping is the user's own and Sms.build() throws for row 41.
        List<String[]> rows = IntStream.range(0, 100).mapToObj(i -> new String[] {
                i == 41 ? "+65 91-not-a-number" : "+6592" + String.format("%06d", i), "Hello " + i,
                i == 7 ? "past" : ""}).toList();
        OffsetDateTime past = OffsetDateTime.now().minusHours(1);

        CampaignReport report = Campaigns.sms(client).campaignId("mixed").journal(new MemoryJournal()).build()
                .send(rows.iterator(), row -> {
                    Sms.Builder sms = Sms.builder().to(row[0]).text(row[1]);
                    if (!row[2].isEmpty()) {
                        sms.scheduled(past);
                    }
                    return sms.build();
                });

        assertEquals(100, report.messages());
        assertEquals(98, report.accepted());
        assertEquals(2, report.rejected());
        assertEquals(List.of(ChunkOutcome.ACCEPTED), report.chunks().stream().map(ChunkReport::outcome).toList());
        assertEquals(2, report.invalid().size(), report.invalid().toString());
        assertEquals("#7 scheduled: is in the past", report.invalid().get(0));
        assertTrue(report.invalid().get(1).startsWith("#41 destination: "), report.invalid().get(1));
        assertEquals(98, sandbox.acceptedMessages(), "the simulator's own count");
        Set<String> sent = sandbox.messages().stream().map(SandboxMessage::clientMessageId)
                .collect(Collectors.toSet());
        assertEquals(98, sent.size());
        assertFalse(sent.contains("mixed-7") || sent.contains("mixed-41"), sent.toString());
        assertTrue(sent.contains("mixed-99"), "positions count refused rows too: ids match the input");
    }

    @Test
    void chatMessagesGoAThousandARequest(Sandbox sandbox, Connect8x8Client client) {
        CampaignReport report = Campaigns.chatApps(client).campaignId("chat").journal(new MemoryJournal())
                .concurrency(2).build().send(IntStream.range(0, 2_500).mapToObj(i -> ChatMessage.builder()
                        .to("+6593" + String.format("%06d", i)).text("Sale starts at 9, customer " + i).build()));

        assertEquals(List.of(1_000, 1_000, 500), report.chunks().stream().map(ChunkReport::messages).toList());
        assertEquals(2_500, report.accepted());
        assertEquals(2_500, sandbox.acceptedMessages());
        assertEquals(0, sandbox.duplicateClientMessageIds());
    }

    @Test
    void aFailingInputStopsTheRunAndLetsChunksInFlightFinish(Sandbox sandbox, Connect8x8Client client, @TempDir Path dir) {
        Iterator<Sms> good = Fixtures.smsInput(1_000);
        Iterator<Sms> failing = new Iterator<>() {
            private int read;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Sms next() {
                if (++read > 600) {
                    throw new IllegalStateException("the input broke at row 601");
                }
                return good.next();
            }
        };
        try (FileJournal journal = FileJournal.open(dir.resolve("broken.journal"))) {
            Campaign<Sms> campaign = Campaigns.sms(client).campaignId("broken").journal(journal).concurrency(3)
                    .maxBatchBytes(16 * 1024).build();

            IllegalStateException e = assertThrows(IllegalStateException.class, () -> campaign.send(failing));

            assertEquals("the input broke at row 601", e.getMessage());
            for (long sequence = 0; journal.record("broken", sequence) != null; sequence++) {
                assertEquals(ChunkState.ACCEPTED, journal.record("broken", sequence).state(),
                        "chunk " + sequence + " was claimed, so it was sent to the end");
            }
        }
        assertEquals(0, sandbox.duplicateClientMessageIds());
    }

    @Test
    void aCampaignIdThatCannotFitTheBatchIdIsRefused(Sandbox sandbox, Connect8x8Client client) {
        io.connect8x8.ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.connect8x8.ValidationException.class,
                () -> Campaigns.sms(client).campaignId("much-too-long-id").journal(new MemoryJournal()).build());
        assertEquals("campaignId", e.field());
    }
}
