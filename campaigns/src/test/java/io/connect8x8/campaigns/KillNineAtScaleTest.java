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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's done-when at its scale: a 300,000-message campaign (30 chunks of 10,000) is killed with {@code kill -9}
 * while chunks are in flight, then resumed with reconciliation from the simulator's log export: 0 ambiguous, and the
 * simulator, whose record window keeps only 10,000 messages whole, counts each of the 300,000 exactly once (its log of
 * every message's export facts lists the chunks sent before the kill).
 */
class KillNineAtScaleTest {

    private static final int MESSAGES = 300_000;

    /** How long the simulator holds the requests that arrive once the kill is decided: far beyond the kill's delay. */
    private static final Duration HOLD = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    static Campaign.Builder<Sms> campaign(Connect8x8Client client, CampaignJournal journal) {
        return Campaigns.sms(client).campaignId("big9").journal(journal).concurrency(4).rate(10);
    }

    @Test
    void a300kCampaignKilledWithChunksInFlightResumesToEveryMessageAcceptedExactlyOnce() throws Exception {
        Path journalFile = dir.resolve("big9.journal");
        AtomicLong answered = new AtomicLong();
        try (Sandbox sandbox = Sandbox.builder().requestLog(line -> answered.incrementAndGet()).build().start()) {
            int inFlight = killWithChunksInFlight(sandbox, journalFile);
            // The simulator finishes what it was handling when the client died: wait until every request it started
            // is answered, so the export below sees each message that arrived (8x8's export lag, in small).
            long answeredBy = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (answered.get() < sandbox.requestCount()) {
                assertTrue(System.nanoTime() < answeredBy, "the simulator answers every request it started: "
                        + answered.get() + " of " + sandbox.requestCount());
                Thread.sleep(10); // a poll, not a wait for timing: it leaves the cores to the child and the simulator
            }
            long beforeResume = sandbox.acceptedMessages();
            assertTrue(beforeResume < MESSAGES, "killed mid-campaign: " + beforeResume);

            CampaignReport resumed;
            try (Connect8x8Client client = Fixtures.client(sandbox.rootUrl(), sandbox.apiKey(),
                    Duration.ofSeconds(60));
                 FileJournal journal = FileJournal.open(journalFile)) {
                // The resume's clock an hour on: the export lag has passed, so the export proves absence too. The
                // margin stays the default 10 minutes: on a loaded machine the simulator may create a chunk's
                // messages well after its intent (a margin of 2 s resent 10,000 in campaigns/bench/kill-resume.sh).
                LogExportRecords export = LogExportRecords.sms(client).exportLag(Duration.ZERO)
                        .clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(1))).build();
                resumed = campaign(client, journal).rate(1_800).records(export).build()
                        .send(Fixtures.smsInput(MESSAGES));

                assertEquals(0, resumed.ambiguous(), resumed.chunks().toString());
                assertEquals(0, resumed.failed(), resumed.toString());
                assertEquals(MESSAGES, resumed.accepted() + resumed.skipped(), resumed.toString());
                long reconciled = resumed.chunks().stream()
                        .filter(chunk -> chunk.detail() != null && chunk.detail().startsWith("reconciled")).count();
                assertEquals(inFlight, reconciled, "each chunk in flight at the kill is reconciled: " + resumed);

                assertEquals(MESSAGES, sandbox.acceptedMessages(), "the simulator's own count");
                assertEquals(0, sandbox.duplicateClientMessageIds());
                assertEquals(expectedIds(), exported(client), "every id, in the simulator's export");
            }
        }
    }

    /**
     * Runs the campaign in a child JVM and kills it ({@code destroyForcibly}, SIGKILL on Linux) while the simulator
     * holds a chunk: once the journal shows three chunks answered, the simulator's latency fault holds every request
     * that arrives after it is set, so the chunk the child sends next stays in flight (its intent journaled before the
     * send) until the kill, however the machine's load moves the child's timing.
     *
     * @return how many chunks were in flight (intent journaled, no outcome) at the kill
     */
    private int killWithChunksInFlight(Sandbox sandbox, Path journalFile) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                KillNineChild.class.getName(), sandbox.rootUrl(), sandbox.apiKey(), journalFile.toString(),
                Integer.toString(MESSAGES), "full")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        boolean held = false;
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!answered(journalFile, 3) && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(10); // a poll, not a wait for timing: it leaves the cores to the child and the simulator
            }
            // The simulator counts a request before it reads the latency fault, so a request counted after this
            // read of the count waits out the latency: long enough for any kill below to come first.
            sandbox.faults().latency(HOLD);
            long countedBeforeHold = sandbox.requestCount();
            while (!held && System.nanoTime() < deadline && child.isAlive()) {
                held = sandbox.requestCount() > countedBeforeHold;
                Thread.sleep(10); // a poll, as above
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child process ends");
            sandbox.faults().latency(Duration.ZERO); // the resume runs without it; the held requests still wait theirs
        }
        assertTrue(held, "killed with a chunk held by the simulator; the child's log: "
                + Files.readString(dir.resolve("child.log")));
        int left = inFlight(lines(journalFile));
        assertTrue(left > 0, "chunks in flight at the kill");
        return left;
    }

    /** Whether at least {@code count} chunks have an accepted outcome in the journal. */
    private static boolean answered(Path journal, int count) throws java.io.IOException {
        return Files.exists(journal)
                && lines(journal).stream().filter(line -> line.contains(" O ") && line.contains(" ACCEPTED ")).count()
                >= count;
    }

    /** The journal's complete lines (a line being written has no line break yet). */
    private static List<String> lines(Path journal) throws java.io.IOException {
        String text = Files.readString(journal, StandardCharsets.UTF_8);
        return List.of(text.substring(0, text.lastIndexOf('\n') + 1).split("\n"));
    }

    /**
     * Chunks whose last journal line is an intent (or, should a loaded machine make the child's client time out, an
     * ambiguous outcome): the ones a resume must reconcile.
     */
    private static int inFlight(List<String> lines) {
        java.util.Map<String, Boolean> sending = new java.util.HashMap<>();
        for (String line : lines) {
            String[] fields = line.split(" ");
            if (fields.length > 4 && (fields[1].equals("I") || fields[1].equals("O"))) {
                sending.put(fields[3], fields[1].equals("I") || fields[4].equals("AMBIGUOUS"));
            }
        }
        return (int) sending.values().stream().filter(Boolean::booleanValue).count();
    }

    private static Set<String> expectedIds() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < MESSAGES; i++) {
            ids.add("big9-" + i);
        }
        return ids;
    }

    /** The campaign's ids the simulator's log export lists over the last hour (it reads every exported file). */
    private static Set<String> exported(Connect8x8Client client) {
        List<String> ids = new ArrayList<>(expectedIds());
        Instant now = Instant.now();
        RecordsAnswer answer = LogExportRecords.sms(client).exportLag(Duration.ZERO).build()
                .lookup(new AmbiguousChunk("big9", 0, "big9-all", ids, now.minus(Duration.ofHours(1)),
                        now.plusSeconds(1)));
        return answer.found();
    }
}
