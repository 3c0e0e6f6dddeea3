package io.connect8x8.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded journal: what a reopened file decides per chunk, torn lines, the lock. */
class FileJournalTest {

    @TempDir
    Path dir;

    private static ChunkIntent chunk(long sequence) {
        return new ChunkIntent("c", sequence, "c-" + sequence, 5, "f" + sequence);
    }

    @Test
    void aReopenedJournalSkipsDoneResendsNotSentAndReportsTheRest() {
        Path file = dir.resolve("j");
        try (FileJournal journal = FileJournal.open(file)) {
            for (long i = 0; i < 4; i++) {
                assertEquals(Claim.Verdict.SEND, journal.claim(chunk(i), false).verdict());
                assertTrue(journal.sending(chunk(i)));
            }
            assertEquals(Claim.Verdict.ELSEWHERE, journal.claim(chunk(3), false).verdict(), "in flight here");
            journal.complete(chunk(0), new ChunkRecord(ChunkState.ACCEPTED, 4, 1, "b-0"));
            journal.complete(chunk(1), new ChunkRecord(ChunkState.NOT_SENT, 0, 0, "503"));
            journal.complete(chunk(2), new ChunkRecord(ChunkState.AMBIGUOUS, 0, 0, "reset after write"));
            // chunk 3 stays SENDING, as after kill -9
        }
        try (FileJournal journal = FileJournal.open(file)) {
            assertEquals(new Claim(Claim.Verdict.DONE, new ChunkRecord(ChunkState.ACCEPTED, 4, 1, "b-0")),
                    journal.claim(chunk(0), false));
            assertEquals(Claim.Verdict.SEND, journal.claim(chunk(1), false).verdict());
            assertEquals(new Claim(Claim.Verdict.AMBIGUOUS,
                    new ChunkRecord(ChunkState.AMBIGUOUS, 0, 0, "reset after write")), journal.claim(chunk(2), false));
            assertEquals(Claim.Verdict.AMBIGUOUS, journal.claim(chunk(3), false).verdict());
            assertEquals(Claim.Verdict.SEND, journal.claim(chunk(3), true).verdict(), "opted in");
        }
    }

    @Test
    void aLineCutShortByACrashIsDroppedAndTheFileStaysUsable() throws Exception {
        Path file = dir.resolve("torn");
        try (FileJournal journal = FileJournal.open(file)) {
            journal.claim(chunk(0), false);
            journal.sending(chunk(0));
        }
        Files.writeString(file, "0badc0de O c 0 ACCEP", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (FileJournal journal = FileJournal.open(file)) {
            assertEquals(ChunkState.SENDING, journal.record("c", 0).state());
            journal.claim(chunk(1), false);
            journal.sending(chunk(1));
        }
        assertTrue(Files.readString(file).endsWith("\n"));
        try (FileJournal journal = FileJournal.open(file)) {
            assertEquals(ChunkState.SENDING, journal.record("c", 1).state());
        }
    }

    @Test
    void aClaimWhoseIntentWasNeverWrittenLeavesTheChunkNotSent() throws Exception {
        Path file = dir.resolve("waiting");
        try (FileJournal journal = FileJournal.open(file)) {
            journal.claim(chunk(0), false);
            journal.sending(chunk(0));
            journal.complete(chunk(0), new ChunkRecord(ChunkState.ACCEPTED, 5, 0, "b-0"));
            journal.claim(chunk(1), false);
            assertEquals(ChunkState.CLAIMED, journal.record("c", 1).state());
            journal.claim(chunk(2), false);
            // chunk 1 is released (interrupted while waiting for its token); chunk 2 stays claimed, as after kill -9
            journal.complete(chunk(1), new ChunkRecord(ChunkState.NOT_SENT, 0, 0, "interrupted"));
            assertNull(journal.record("c", 1));
        }
        assertEquals(3, Files.readAllLines(file).size(), "the header, chunk 0's intent and its outcome: nothing else");
        try (FileJournal journal = FileJournal.open(file)) {
            assertEquals(Claim.send(), journal.claim(chunk(1), false));
            assertEquals(Claim.send(), journal.claim(chunk(2), false));
        }
    }

    @Test
    void changedInputIsRefused() {
        try (FileJournal journal = FileJournal.open(dir.resolve("changed"))) {
            journal.claim(chunk(0), false);
            JournalException e = assertThrows(JournalException.class,
                    () -> journal.claim(new ChunkIntent("c", 0, "c-0", 5, "other"), false));
            assertTrue(e.getMessage().contains("the input changed"), e.getMessage());
        }
    }

    @Test
    void aSecondOpenOfTheSameFileIsRefused() {
        Path file = dir.resolve("locked");
        try (FileJournal journal = FileJournal.open(file)) {
            // Within one JVM the lock is refused by the JDK itself; across processes by the OS: same message either way.
            JournalException refused = assertThrows(JournalException.class, () -> FileJournal.open(file).close());
            assertEquals("the campaign journal " + file + " is in use by another run", refused.getMessage());
        }
    }

    @Test
    void aJournalThatCannotBeOpenedNamesItsPathOnceAndWhy() throws Exception {
        Path directory = Files.createDirectory(dir.resolve("a-directory"));
        JournalException refused = assertThrows(JournalException.class, () -> FileJournal.open(directory).close());
        assertEquals("cannot open the campaign journal " + directory + ": Is a directory", refused.getMessage());
    }

    /**
     * A journal whose directory is a file (a mistyped --journal) or cannot be made says why, not the JDK exception's
     * class name ("FileAlreadyExistsException", "NoSuchFileException").
     */
    @Test
    void aJournalWhoseDirectoryCannotBeMadeSaysWhy() throws Exception {
        Path input = Files.writeString(dir.resolve("customers.csv"), "to\n+6591234567\n");
        Path file = input.resolve("spring.journal");
        JournalException refused = assertThrows(JournalException.class, () -> FileJournal.open(file).close());
        assertEquals("cannot open the campaign journal " + file + ": " + input + " is not a directory",
                refused.getMessage());
        // /proc refuses new directories with ENOENT, which the JDK reports as NoSuchFileException without a reason.
        Path proc = Path.of("/proc/connect8x8-no-such/spring.journal");
        if (Files.isDirectory(Path.of("/proc/self"))) {
            JournalException missing = assertThrows(JournalException.class, () -> FileJournal.open(proc).close());
            assertEquals("cannot open the campaign journal " + proc + ": No such file or directory",
                    missing.getMessage());
        }
    }
}
