package io.connect8x8.postgresql;

import io.connect8x8.campaigns.CampaignJournal;
import io.connect8x8.campaigns.ChunkIntent;
import io.connect8x8.campaigns.ChunkRecord;
import io.connect8x8.campaigns.ChunkState;
import io.connect8x8.campaigns.ChunkStatus;
import io.connect8x8.campaigns.Claim;
import io.connect8x8.campaigns.JournalException;
import io.connect8x8.campaigns.RejectedMessage;
import io.connect8x8.campaigns.RejectedMessages;
import io.connect8x8.postgresql.internal.SchemaMigrations;
import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The campaign journal in PostgreSQL, over plain JDBC: several workers (threads, processes, hosts) run the same
 * campaign over the same input, and each chunk is claimed by exactly one of them through one atomic statement. A
 * campaign interrupted on one host resumes on another.
 *
 * <p>Table {@value #TABLE}: one row per chunk, keyed by campaign and sequence, with its state ({@code CLAIMED},
 * {@code SENDING}, {@code ACCEPTED}, {@code REJECTED}, {@code NOT_SENT}, {@code AMBIGUOUS}), the worker that claimed it
 * and when. A worker claims a chunk ({@code CLAIMED}), waits for its rate-limit token, and records {@code SENDING}
 * just before the request is written. A chunk left {@code CLAIMED} for longer than the lease was never written: another
 * worker takes it. One left {@code SENDING} for longer than the lease belongs to a worker that is gone: it may have
 * been sent, so it is ambiguous. Neither is taken before its lease ends, whether its worker is alive or was killed:
 * {@link #status} reports such a chunk held until {@code claimed_at + lease}, so that a run restarted within a killed
 * worker's lease reports those chunks held, not finished. Thread-safe; every call takes a connection from the data
 * source and gives it back.
 */
public final class PostgresCampaignJournal implements CampaignJournal {

    /** The table of chunks. */
    public static final String TABLE = "connect8x8_campaign_chunk";

    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE IF NOT EXISTS " + TABLE + " (campaign_id text NOT NULL, sequence bigint NOT NULL, "
                    + "client_batch_id text NOT NULL, messages integer NOT NULL, fingerprint text NOT NULL, "
                    + "state text NOT NULL, worker text NOT NULL, claimed_at timestamptz NOT NULL, "
                    + "accepted integer NOT NULL DEFAULT 0, rejected integer NOT NULL DEFAULT 0, detail text, "
                    + "updated_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (campaign_id, sequence))",
            // The first send's time: with claimed_at (the last), the span in which 8x8 may have received the chunk.
            "ALTER TABLE " + TABLE + " ADD COLUMN IF NOT EXISTS first_sent_at timestamptz",
            // The messages 8x8 rejected inside an accepted batch, so that a resume on any worker still reports them.
            "ALTER TABLE " + TABLE + " ADD COLUMN IF NOT EXISTS rejections text");

    private static final String INSERT = "INSERT INTO " + TABLE + " (campaign_id, sequence, client_batch_id, messages, "
            + "fingerprint, state, worker, claimed_at) VALUES (?, ?, ?, ?, ?, 'CLAIMED', ?, now()) "
            + "ON CONFLICT (campaign_id, sequence) DO NOTHING";
    /** Takes over a chunk that provably was not sent, or (when opted in) an ambiguous or abandoned one. */
    private static final String TAKE_OVER = "UPDATE " + TABLE + " SET state = 'CLAIMED', worker = ?, claimed_at = now(), "
            + "updated_at = now() WHERE campaign_id = ? AND sequence = ? AND fingerprint = ? AND (state = 'NOT_SENT' "
            + "OR (state = 'CLAIMED' AND claimed_at < now() - ? * interval '1 millisecond') OR (? AND (state = 'AMBIGUOUS' OR (state = 'SENDING' AND claimed_at < now() - ? * interval '1 millisecond'))))"
            + " RETURNING state";
    /** A chunk's row, whether its claim is older than the lease, and when the lease ends. */
    private static final String READ = "SELECT state, worker, claimed_at < now() - ? * interval '1 millisecond', "
            + "accepted, rejected, detail, fingerprint, messages, claimed_at + ? * interval '1 millisecond', "
            + "rejections FROM "
            + TABLE + " WHERE campaign_id = ? AND sequence = ?";
    private static final String SENDING = "UPDATE " + TABLE + " SET state = 'SENDING', claimed_at = now(), "
            + "first_sent_at = COALESCE(first_sent_at, now()), updated_at = now() "
            + "WHERE campaign_id = ? AND sequence = ? AND worker = ? AND state = 'CLAIMED'";
    /** claimed_at is set when the intent is recorded and kept by the outcome: the time the request left. */
    private static final String SENT_AT = "SELECT claimed_at FROM " + TABLE + " WHERE campaign_id = ? AND sequence = ? "
            + "AND state IN ('SENDING', 'AMBIGUOUS')";
    /** A row from before the column was added has no first send's time: its one time then stands for both. */
    private static final String FIRST_SENT_AT = "SELECT COALESCE(first_sent_at, claimed_at) FROM " + TABLE
            + " WHERE campaign_id = ? AND sequence = ? AND state IN ('SENDING', 'AMBIGUOUS')";
    private static final String COMPLETE = "UPDATE " + TABLE + " SET state = ?, accepted = ?, rejected = ?, detail = ?, "
            + "rejections = ?, updated_at = now() WHERE campaign_id = ? AND sequence = ? AND worker = ?";

    /** The random part of default worker names. */
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource dataSource;
    private final String worker;
    private final Duration lease;

    private PostgresCampaignJournal(Builder b) {
        this.dataSource = Objects.requireNonNull(b.dataSource, "dataSource");
        this.worker = b.worker != null ? b.worker : defaultWorker();
        this.lease = b.lease;
        try {
            SchemaMigrations.apply(dataSource, "campaign-journal", SCHEMA);
        } catch (SQLException e) {
            throw new JournalException("cannot create the campaign journal's table: " + e.getMessage(), e);
        }
    }

    /**
     * {@code host/pid/random}: an operator reading "held by worker ..." sees where a claim came from. The random part
     * keeps apart two workers with the same host name and process id (pid 1 in containers): the journal knows a
     * chunk's holder by its name, and two holders of one name could both send the chunk.
     */
    static String defaultWorker() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            host = "unknown-host";
        }
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return host + "/" + ProcessHandle.current().pid() + "/" + HexFormat.of().formatHex(random);
    }

    /**
     * A builder over a data source (for example {@code org.postgresql.ds.PGSimpleDataSource}, or a pool).
     *
     * @param dataSource the database; the caller keeps ownership
     * @return the builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * Returns this journal's worker name, recorded with each chunk it claims.
     *
     * @return this journal's worker name, recorded with each chunk it claims
     */
    public String worker() {
        return worker;
    }

    @Override
    public Claim claim(ChunkIntent intent, boolean resendAmbiguous) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, intent.campaignId());
                insert.setLong(2, intent.sequence());
                insert.setString(3, intent.clientBatchId());
                insert.setInt(4, intent.messages());
                insert.setString(5, intent.fingerprint());
                insert.setString(6, worker);
                if (insert.executeUpdate() == 1) {
                    return Claim.send();
                }
            }
            ChunkRecord before = read(connection, intent);
            try (PreparedStatement takeOver = connection.prepareStatement(TAKE_OVER)) {
                takeOver.setString(1, worker);
                takeOver.setString(2, intent.campaignId());
                takeOver.setLong(3, intent.sequence());
                takeOver.setString(4, intent.fingerprint());
                takeOver.setLong(5, lease.toMillis());
                takeOver.setBoolean(6, resendAmbiguous);
                takeOver.setLong(7, lease.toMillis());
                try (ResultSet row = takeOver.executeQuery()) {
                    if (row.next()) {
                        return new Claim(Claim.Verdict.SEND, before);
                    }
                }
            }
            return verdict(connection, intent);
        } catch (SQLException e) {
            throw new JournalException("cannot claim chunk " + intent.sequence() + " of " + intent.campaignId() + ": "
                    + e.getMessage(), e);
        }
    }

    private ChunkRecord read(Connection connection, ChunkIntent intent) throws SQLException {
        Row row = row(connection, intent);
        return row == null ? null : row.record;
    }

    private Claim verdict(Connection connection, ChunkIntent intent) throws SQLException {
        Row row = row(connection, intent);
        if (row == null) {
            throw new JournalException("chunk " + intent.sequence() + " vanished while being claimed", null);
        }
        if (!row.fingerprint.equals(intent.fingerprint()) || row.messages != intent.messages()) {
            throw new JournalException("chunk " + intent.sequence() + " of campaign " + intent.campaignId()
                    + " differs from the journaled one: the input changed since the earlier run", null);
        }
        return switch (row.record.state()) {
            case ACCEPTED, REJECTED -> new Claim(Claim.Verdict.DONE, row.record);
            // Held by a worker that has written nothing yet (a stale one was taken over above, unless just now).
            case CLAIMED -> new Claim(Claim.Verdict.ELSEWHERE, row.record);
            case SENDING -> new Claim(row.stale ? Claim.Verdict.AMBIGUOUS : Claim.Verdict.ELSEWHERE, row.record);
            case AMBIGUOUS -> new Claim(Claim.Verdict.AMBIGUOUS, row.record);
            // Another worker took it over between our two statements.
            case NOT_SENT -> new Claim(Claim.Verdict.ELSEWHERE, row.record);
        };
    }

    private Row row(Connection connection, ChunkIntent intent) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(READ)) {
            read.setLong(1, lease.toMillis());
            read.setLong(2, lease.toMillis());
            read.setString(3, intent.campaignId());
            read.setLong(4, intent.sequence());
            try (ResultSet row = read.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                ChunkState state;
                List<RejectedMessage> rejections;
                try {
                    state = ChunkState.valueOf(row.getString(1));
                    rejections = RejectedMessages.decode(row.getString(10));
                } catch (IllegalArgumentException e) {
                    // A row changed by hand: a campaign cannot decide what to send from it, and says which row.
                    throw new JournalException("chunk " + intent.sequence() + " of " + intent.campaignId() + " is "
                            + "corrupt in " + TABLE + ": " + e.getMessage(), e);
                }
                String detail = row.getString(6);
                if (state == ChunkState.SENDING && detail == null) {
                    detail = "claimed by worker " + row.getString(2) + ", answer never recorded";
                }
                return new Row(new ChunkRecord(state, row.getInt(4), row.getInt(5), detail, rejections),
                        row.getBoolean(3), row.getString(7), row.getInt(8), row.getString(2),
                        row.getTimestamp(9).toInstant());
            }
        }
    }

    @Override
    public Optional<Instant> sentAt(ChunkIntent intent) {
        return time(SENT_AT, intent);
    }

    @Override
    public Optional<Instant> firstSentAt(ChunkIntent intent) {
        return time(FIRST_SENT_AT, intent);
    }

    private Optional<Instant> time(String query, ChunkIntent intent) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement read = connection.prepareStatement(query)) {
            read.setString(1, intent.campaignId());
            read.setLong(2, intent.sequence());
            try (ResultSet row = read.executeQuery()) {
                return row.next() ? Optional.of(row.getTimestamp(1).toInstant()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new JournalException("cannot read chunk " + intent.sequence() + " of " + intent.campaignId() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * A chunk {@code CLAIMED} or {@code SENDING} by a worker whose lease has not run out is held until
     * {@code claimed_at + lease} (by this journal's lease), whether that worker is alive or was killed: no one may
     * take it before then. Its record's detail names the worker.
     */
    @Override
    public Optional<ChunkStatus> status(ChunkIntent intent) {
        try (Connection connection = dataSource.getConnection()) {
            Row row = row(connection, intent);
            if (row == null) {
                return Optional.empty();
            }
            ChunkRecord record = row.record;
            if (row.stale || record.state() != ChunkState.CLAIMED && record.state() != ChunkState.SENDING) {
                return Optional.of(new ChunkStatus(record, false, null));
            }
            return Optional.of(new ChunkStatus(new ChunkRecord(record.state(), record.accepted(), record.rejected(),
                    "worker " + row.worker), true, row.leaseEnd));
        } catch (SQLException e) {
            throw new JournalException("cannot read chunk " + intent.sequence() + " of " + intent.campaignId() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public boolean sending(ChunkIntent intent) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(SENDING)) {
            connection.setAutoCommit(true);
            update.setString(1, intent.campaignId());
            update.setLong(2, intent.sequence());
            update.setString(3, worker);
            // 0 rows: the claim's lease ran out while this worker waited for its token, and another took the chunk.
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new JournalException("cannot record the intent of chunk " + intent.sequence() + " of "
                    + intent.campaignId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void complete(ChunkIntent intent, ChunkRecord outcome) {
        if (outcome.state() == ChunkState.SENDING || outcome.state() == ChunkState.CLAIMED) {
            throw new IllegalArgumentException("an outcome cannot be " + outcome.state());
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(COMPLETE)) {
            connection.setAutoCommit(true);
            update.setString(1, outcome.state().name());
            update.setInt(2, outcome.accepted());
            update.setInt(3, outcome.rejected());
            update.setString(4, outcome.detail());
            update.setString(5, outcome.rejections().isEmpty() ? null : RejectedMessages.encode(outcome.rejections()));
            update.setString(6, intent.campaignId());
            update.setLong(7, intent.sequence());
            update.setString(8, worker);
            if (update.executeUpdate() != 1) {
                throw new JournalException("chunk " + intent.sequence() + " of " + intent.campaignId()
                        + " is no longer claimed by worker " + worker, null);
            }
        } catch (SQLException e) {
            throw new JournalException("cannot record chunk " + intent.sequence() + " of " + intent.campaignId()
                    + ": " + e.getMessage(), e);
        }
    }

    /** Nothing to release: connections are taken per call, and the data source belongs to the caller. */
    @Override
    public void close() {
    }

    /** One chunk row. */
    private record Row(ChunkRecord record, boolean stale, String fingerprint, int messages, String worker,
                       Instant leaseEnd) {
    }

    /** Builds a {@link PostgresCampaignJournal}. */
    public static final class Builder {
        private final DataSource dataSource;
        private String worker;
        private Duration lease = Duration.ofMinutes(5);

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /**
         * Names this worker in the journal, so a chunk held by another process can be told from one of its own, and an
         * operator can see who holds what.
         *
         * @param worker this worker's name in the table, unique among the workers of a campaign, live or not (default:
         *     {@code host/pid/random})
         * @return this builder
         */
        public Builder worker(String worker) {
            this.worker = Objects.requireNonNull(worker, "worker");
            return this;
        }

        /**
         * Sets how long a claim on a chunk lasts without an answer; after that, the worker that claimed it is taken to
         * have died, and the chunk counts as ambiguous instead of being held forever.
         *
         * @param lease how long a chunk may stay claimed without an answer before it counts as abandoned (and so
         *     ambiguous); longer than any request's deadline (default 5 minutes)
         * @return this builder
         */
        public Builder lease(Duration lease) {
            this.lease = Objects.requireNonNull(lease, "lease");
            return this;
        }

        /**
         * Creates the table when missing.
         *
         * @return the journal
         * @throws JournalException when the table cannot be created
         */
        public PostgresCampaignJournal build() {
            return new PostgresCampaignJournal(this);
        }
    }
}
