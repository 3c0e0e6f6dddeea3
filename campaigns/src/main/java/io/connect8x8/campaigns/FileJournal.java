package io.connect8x8.campaigns;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The embedded journal: one append-only text file, each line forced to disk ({@code fsync}) before the call returns,
 * so it survives {@code kill -9} and power loss. Nothing to start or install.
 *
 * <p>Each line is {@code <crc32> I <campaign> <sequence> <messages> <clientBatchId> <fingerprint> <epochMillis>}
 * (intent, written when the request is about to be; the time bounds the window a reconciliation searches) or
 * {@code <crc32> O <campaign> <sequence> <state> <accepted> <rejected> <detail> [<rejected messages>]} (outcome,
 * with the messages 8x8 rejected inside an accepted batch, when any, so that a resume still reports them); the last
 * line about a chunk wins. A line cut short by a crash fails its checksum and is dropped when the file is opened again. The file is
 * locked while open: a second process, or a second open in this one, gets a {@link JournalException}, not a second
 * copy of the campaign. To split a campaign between processes or hosts, use the PostgreSQL journal.
 */
public final class FileJournal implements CampaignJournal {

    private static final String HEADER = "# connect8x8 campaign journal v1\n";

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;
    private final Map<String, Entry> chunks = new HashMap<>();
    /** Chunks this process claimed and has not finished: another claim of them is a worker overlap, not a crash. */
    private final Set<String> inFlight = new HashSet<>();
    /** Claimed chunks whose intent is not written yet, with their entry before the claim (empty: none). */
    private final Map<String, Optional<Entry>> claimedFrom = new HashMap<>();
    /** When each chunk's last intent was written (epoch millis), from the intent lines that carry it. */
    private final Map<String, Long> sentAt = new HashMap<>();
    /** The time of each chunk's first intent line: with {@link #sentAt}'s last, the span of its sends. */
    private final Map<String, Long> firstSentAt = new HashMap<>();

    private FileJournal(Path path) {
        this.path = path;
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new JournalException("cannot open the campaign journal " + path + ": " + reason(e), e);
        }
        try {
            this.lock = lockOrNull(channel);
            if (lock == null) {
                throw new JournalException("the campaign journal " + path + " is in use by another run", null);
            }
            load();
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            if (e instanceof JournalException journal) {
                throw journal;
            }
            throw new JournalException("cannot read the campaign journal " + path + ": "
                    + (e instanceof IOException io ? reason(io) : e.getMessage()), e);
        }
    }

    /** What went wrong with the file: a FileSystemException's message repeats the path the caller names already. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() == null) {
            // The JDK gives these no reason: say what happened, not the exception's class name. Here a file that
            // already exists can only be a part of the journal's directory (the journal itself is opened with
            // CREATE): a mistyped --journal beside the input file, customers.csv/spring.journal.
            return f instanceof FileAlreadyExistsException ? f.getFile() + " is not a directory"
                    : f instanceof NoSuchFileException ? "No such file or directory" : f.getClass().getSimpleName();
        }
        return e instanceof FileSystemException f ? f.getReason() : e.getMessage();
    }

    /**
     * The file's lock, or null when another run holds it: another process (the OS refuses), or this one (the JDK
     * throws instead, which read as "cannot read the campaign journal: null").
     */
    private static FileLock lockOrNull(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    /**
     * Opens (or creates) a journal file and replays it. The caller closes the journal.
     *
     * @param path the file; its directory is created when missing
     * @return the journal, locked by this process until closed
     * @throws JournalException when the file cannot be opened, is locked by another process, or is corrupt
     */
    public static FileJournal open(Path path) {
        return new FileJournal(Objects.requireNonNull(path, "path"));
    }

    /**
     * Returns the journal's file.
     *
     * @return the journal's file
     */
    public Path path() {
        return path;
    }

    @Override
    public synchronized Claim claim(ChunkIntent intent, boolean resendAmbiguous) {
        String key = key(intent.campaignId(), intent.sequence());
        Entry entry = chunks.get(key);
        if (entry != null) {
            if (!entry.fingerprint.equals(intent.fingerprint()) || entry.messages != intent.messages()) {
                throw new JournalException("chunk " + intent.sequence() + " of campaign " + intent.campaignId()
                        + " differs from the one journaled in " + path + ": the input changed since the earlier run",
                        null);
            }
            Claim refusal = ClaimRules.refusal(entry.record, inFlight.contains(key), resendAmbiguous);
            if (refusal != null) {
                return refusal;
            }
        }
        // Held in memory only: the file locks out other processes, and nothing is written until the request is
        // about to be, so a crash while waiting for the rate-limit token leaves the chunk as it was (not sent).
        chunks.put(key, new Entry(intent.messages(), intent.fingerprint(),
                new ChunkRecord(ChunkState.CLAIMED, 0, 0, null)));
        claimedFrom.put(key, Optional.ofNullable(entry));
        inFlight.add(key);
        return new Claim(Claim.Verdict.SEND, entry == null ? null : entry.record);
    }

    @Override
    public synchronized boolean sending(ChunkIntent intent) {
        String key = key(intent.campaignId(), intent.sequence());
        writeIntent(intent);
        claimedFrom.remove(key);
        chunks.put(key, new Entry(intent.messages(), intent.fingerprint(),
                new ChunkRecord(ChunkState.SENDING, 0, 0, null)));
        return true;
    }

    private long writeIntent(ChunkIntent intent) {
        long now = System.currentTimeMillis();
        append("I " + intent.campaignId() + ' ' + intent.sequence() + ' ' + intent.messages() + ' '
                + intent.clientBatchId() + ' ' + intent.fingerprint() + ' ' + now);
        sentAt.put(key(intent.campaignId(), intent.sequence()), now);
        firstSentAt.putIfAbsent(key(intent.campaignId(), intent.sequence()), now);
        return now;
    }

    @Override
    public synchronized Optional<Instant> sentAt(ChunkIntent intent) {
        Long millis = sentAt.get(key(intent.campaignId(), intent.sequence()));
        return millis == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    @Override
    public synchronized Optional<Instant> firstSentAt(ChunkIntent intent) {
        Long millis = firstSentAt.get(key(intent.campaignId(), intent.sequence()));
        return millis == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    @Override
    public synchronized void complete(ChunkIntent intent, ChunkRecord outcome) {
        if (outcome.state() == ChunkState.SENDING || outcome.state() == ChunkState.CLAIMED) {
            throw new IllegalArgumentException("an outcome cannot be " + outcome.state());
        }
        String key = key(intent.campaignId(), intent.sequence());
        inFlight.remove(key);
        Optional<Entry> before = claimedFrom.remove(key);
        if (before != null && before.isEmpty()) {
            // Claimed, never written: a released claim leaves no trace; any other outcome needs its intent line.
            if (outcome.state() == ChunkState.NOT_SENT) {
                chunks.remove(key);
                return;
            }
            writeIntent(intent);
        }
        // The rejected messages, when any, as an eighth word: a line without them reads as before.
        append("O " + intent.campaignId() + ' ' + intent.sequence() + ' ' + outcome.state() + ' '
                + outcome.accepted() + ' ' + outcome.rejected() + ' ' + encode(outcome.detail())
                + (outcome.rejections().isEmpty() ? "" : ' ' + RejectedMessages.encode(outcome.rejections())));
        chunks.put(key, new Entry(intent.messages(), intent.fingerprint(), outcome));
    }

    /** A chunk in flight in this process is held (no lease: this process finishes or releases it). */
    @Override
    public synchronized Optional<ChunkStatus> status(ChunkIntent intent) {
        String key = key(intent.campaignId(), intent.sequence());
        Entry entry = chunks.get(key);
        return entry == null ? Optional.empty()
                : Optional.of(new ChunkStatus(entry.record, inFlight.contains(key), null));
    }

    /**
     * The chunk's last recorded state, for inspection and tests.
     *
     * @param campaignId the campaign
     * @param sequence the chunk
     * @return the record, or null when the chunk was never claimed
     */
    public synchronized ChunkRecord record(String campaignId, long sequence) {
        Entry entry = chunks.get(key(campaignId, sequence));
        return entry == null ? null : entry.record;
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
        } catch (IOException ignored) {
            // Closing the channel releases the lock anyway.
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // Every line was already forced to disk.
        }
    }

    private void append(String line) {
        String full = crc(line) + ' ' + line + '\n';
        try {
            ByteBuffer buffer = ByteBuffer.wrap(full.getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer, channel.size());
            }
            channel.force(false);
        } catch (IOException e) {
            throw new JournalException("cannot write the campaign journal " + path + ": " + reason(e), e);
        }
    }

    private void load() throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        if (bytes.length == 0) {
            channel.write(ByteBuffer.wrap(HEADER.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.startsWith(HEADER)) {
            throw new JournalException(path + " is not a connect8x8 campaign journal", null);
        }
        int position = HEADER.length();
        long goodBytes = HEADER.getBytes(StandardCharsets.UTF_8).length;
        while (position < text.length()) {
            int end = text.indexOf('\n', position);
            String line = end < 0 ? null : text.substring(position, end);
            if (line == null || !replay(line)) {
                if (end >= 0 && end + 1 < text.length()) {
                    throw new JournalException(path + " is corrupt after byte " + goodBytes, null);
                }
                // A line cut short by a crash: its chunk's earlier state stands; the torn bytes are cut off.
                channel.truncate(goodBytes);
                channel.force(true);
                return;
            }
            goodBytes += (line + '\n').getBytes(StandardCharsets.UTF_8).length;
            position = end + 1;
        }
    }

    private boolean replay(String line) {
        int space = line.indexOf(' ');
        if (space < 0 || !line.substring(0, space).equals(crc(line.substring(space + 1)))) {
            return false;
        }
        String[] f = line.substring(space + 1).split(" ");
        String key = key(f[1], Long.parseLong(f[2]));
        if ("I".equals(f[0])) {
            if (f.length > 6) {
                sentAt.put(key, Long.parseLong(f[6]));
                firstSentAt.putIfAbsent(key, Long.parseLong(f[6]));
            }
            chunks.put(key, new Entry(Integer.parseInt(f[3]), f[5], new ChunkRecord(ChunkState.SENDING, 0, 0, null)));
        } else {
            Entry entry = chunks.get(key);
            if (entry == null) {
                return false;
            }
            chunks.put(key, new Entry(entry.messages, entry.fingerprint, new ChunkRecord(ChunkState.valueOf(f[3]),
                    Integer.parseInt(f[4]), Integer.parseInt(f[5]), decode(f[6]),
                    f.length > 7 ? RejectedMessages.decode(f[7]) : List.of())));
        }
        return true;
    }

    private static String key(String campaignId, long sequence) {
        return campaignId + ' ' + sequence;
    }

    private static String crc(String line) {
        CRC32 crc = new CRC32();
        crc.update(line.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }

    private static String encode(String detail) {
        return detail == null ? "-" : URLEncoder.encode(detail, StandardCharsets.UTF_8);
    }

    private static String decode(String detail) {
        return "-".equals(detail) ? null : URLDecoder.decode(detail, StandardCharsets.UTF_8);
    }

    /** One chunk: what it was when claimed, and its last record. */
    private record Entry(int messages, String fingerprint, ChunkRecord record) {
    }
}
