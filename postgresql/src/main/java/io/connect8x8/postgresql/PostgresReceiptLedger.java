package io.connect8x8.postgresql;

import io.connect8x8.postgresql.internal.ReceiptCodec;
import io.connect8x8.webhooks.DeliveryReceipt;
import io.connect8x8.webhooks.ReceiptLedger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link ReceiptLedger} in PostgreSQL, shared by every instance of a service behind a load balancer, so that a
 * receipt 8x8 delivers to two instances is handled once. Plain JDBC over your {@link DataSource} (pool it).
 *
 * <pre>{@code
 * ReceiptLedger ledger = PostgresReceiptLedger.create(dataSource);   // creates its tables if missing
 * ReceiptReceiver receiver = ReceiptReceiver.builder()
 *     .expectedAuthorization("Bearer " + webhookSecret)
 *     .ledger(ledger)
 *     .onReceipt(receipt -> ...)
 *     .build();
 * }</pre>
 *
 * <p>Each decision is one statement that PostgreSQL makes atomic: a receipt is new when its (umid, state, detail) row
 * could be inserted, and it becomes the latest when the upsert of the message's row finds no newer status time. So
 * of two instances receiving the same receipt at the same moment, exactly one is told it is new. Three tables, all
 * named {@code connect8x8_*}: seen statuses, the latest receipt of each message, seen inbound umids. Rows are kept
 * until {@link #purgeOlderThan(Duration)} removes them; call it from a scheduled job (8x8 retries for 90 seconds,
 * so a day is plenty for deduplication).
 *
 * <p>A failing database surfaces as an {@link IllegalStateException}, which the receiver answers with 503: 8x8
 * sends the event again later.
 */
public final class PostgresReceiptLedger implements ReceiptLedger {

    /** How many receipts {@link #latestAll()} returns at most, the most recently updated. */
    public static final int DEFAULT_LATEST_ALL_LIMIT = 1_000;

    /** A key longer than this is stored as its SHA-256, so that an invented umid or detail cannot bloat the index. */
    private static final int MAX_PLAIN_KEY = 200;

    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS connect8x8_receipt_status ("
                + " umid TEXT NOT NULL, status_key TEXT NOT NULL,"
                + " seen_at TIMESTAMPTZ NOT NULL DEFAULT now(), PRIMARY KEY (umid, status_key))",
        "CREATE TABLE IF NOT EXISTS connect8x8_receipt_latest ("
                + " umid TEXT PRIMARY KEY, status_time TIMESTAMPTZ NOT NULL, kind TEXT NOT NULL,"
                + " receipt TEXT NOT NULL, updated_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())",
        "CREATE INDEX IF NOT EXISTS connect8x8_receipt_latest_updated ON connect8x8_receipt_latest (updated_at)",
        "CREATE TABLE IF NOT EXISTS connect8x8_inbound_seen ("
                + " umid TEXT PRIMARY KEY, seen_at TIMESTAMPTZ NOT NULL DEFAULT now())"
    };

    private final DataSource dataSource;
    private final int latestAllLimit;

    private PostgresReceiptLedger(DataSource dataSource, int latestAllLimit) {
        this.dataSource = dataSource;
        this.latestAllLimit = latestAllLimit;
    }

    /**
     * Creates the ledger's tables if they are missing, and the ledger.
     *
     * @param dataSource the database, not null
     * @return the ledger
     * @throws IllegalStateException when the tables cannot be created
     */
    public static PostgresReceiptLedger create(DataSource dataSource) {
        return create(dataSource, DEFAULT_LATEST_ALL_LIMIT);
    }

    /**
     * Creates the ledger's tables if they are missing, and the ledger.
     *
     * @param dataSource     the database, not null
     * @param latestAllLimit the most receipts {@link #latestAll()} returns, at least 1
     * @return the ledger
     * @throws IllegalStateException when the tables cannot be created
     * @throws IllegalArgumentException when the limit is below 1
     */
    public static PostgresReceiptLedger create(DataSource dataSource, int latestAllLimit) {
        Objects.requireNonNull(dataSource, "dataSource");
        if (latestAllLimit < 1) {
            throw new IllegalArgumentException("latestAllLimit must be at least 1, was " + latestAllLimit);
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String ddl : SCHEMA) {
                statement.execute(ddl);
            }
        } catch (SQLException e) {
            throw failure("create the receipt ledger's tables", e);
        }
        return new PostgresReceiptLedger(dataSource, latestAllLimit);
    }

    @Override
    public Outcome record(DeliveryReceipt receipt, Instant statusTime) {
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(statusTime, "statusTime");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Outcome outcome = record(connection, receipt, statusTime);
                connection.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("record a receipt", e);
        }
    }

    private static Outcome record(Connection connection, DeliveryReceipt receipt, Instant statusTime)
            throws SQLException {
        try (PreparedStatement seen = connection.prepareStatement(
                "INSERT INTO connect8x8_receipt_status (umid, status_key) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            seen.setString(1, storedKey(receipt.umid()));
            seen.setString(2, statusKey(receipt));
            if (seen.executeUpdate() == 0) {
                return Outcome.DUPLICATE;
            }
        }
        // Of two statuses with the same time, the later arrival wins (<=), as in the in-memory ledger.
        try (PreparedStatement latest = connection.prepareStatement(
                "INSERT INTO connect8x8_receipt_latest AS held (umid, status_time, kind, receipt) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (umid) DO UPDATE SET status_time = EXCLUDED.status_time,"
                        + " kind = EXCLUDED.kind, receipt = EXCLUDED.receipt, updated_at = clock_timestamp()"
                        + " WHERE held.status_time <= EXCLUDED.status_time")) {
            latest.setString(1, storedKey(receipt.umid()));
            latest.setTimestamp(2, Timestamp.from(statusTime));
            latest.setString(3, ReceiptCodec.kind(receipt));
            latest.setString(4, ReceiptCodec.toJson(receipt));
            return latest.executeUpdate() == 1 ? Outcome.LATEST : Outcome.OLDER;
        }
    }

    /** The state and detail, compared ignoring case; stored as {@link #storedKey}. */
    private static String statusKey(DeliveryReceipt receipt) {
        String detail = receipt.status().detail();
        return storedKey(receipt.state().toLowerCase(Locale.ROOT) + '/'
                + (detail == null ? "" : detail.toLowerCase(Locale.ROOT)));
    }

    /**
     * A key as stored: itself, or its SHA-256 when PostgreSQL could not store or index it. A text column refuses NUL,
     * and a B-tree entry over about 2,700 bytes fails: either answered 503, "retry later", to a body that could never
     * be stored, where the in-memory ledger accepts it.
     */
    private static String storedKey(String key) {
        return key.length() <= MAX_PLAIN_KEY && key.indexOf('\u0000') < 0 ? key : "sha256:" + sha256(key);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    @Override
    public boolean recordInbound(String umid) {
        Objects.requireNonNull(umid, "umid");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO connect8x8_inbound_seen (umid) VALUES (?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, storedKey(umid));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("record an inbound message", e);
        }
    }

    @Override
    public Optional<DeliveryReceipt> latest(String umid) {
        Objects.requireNonNull(umid, "umid");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT kind, receipt FROM connect8x8_receipt_latest WHERE umid = ?")) {
            select.setString(1, storedKey(umid));
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(ReceiptCodec.fromJson(row.getString(1), row.getString(2)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read a receipt", e);
        }
    }

    /**
     * The newest receipt of the most recently updated messages, at most the limit given at creation, least recently
     * updated first.
     *
     * @return an unmodifiable list
     */
    @Override
    public List<DeliveryReceipt> latestAll() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT kind, receipt FROM (SELECT kind, receipt, updated_at FROM connect8x8_receipt_latest"
                             + " ORDER BY updated_at DESC LIMIT ?) recent ORDER BY updated_at")) {
            select.setInt(1, latestAllLimit);
            List<DeliveryReceipt> receipts = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    receipts.add(ReceiptCodec.fromJson(rows.getString(1), rows.getString(2)));
                }
            }
            return List.copyOf(receipts);
        } catch (SQLException e) {
            throw failure("read the receipts", e);
        }
    }

    /**
     * Forgets what was recorded before {@code now - age}: seen statuses, latest receipts not updated since, seen
     * inbound umids. A duplicate of a forgotten message then counts as new.
     *
     * @param age how long to remember, positive
     * @return the number of rows removed
     * @throws IllegalStateException when the database fails
     */
    public int purgeOlderThan(Duration age) {
        if (age.isNegative() || age.isZero()) {
            throw new IllegalArgumentException("age must be positive, was " + age);
        }
        Timestamp before = Timestamp.from(Instant.now().minus(age));
        int removed = 0;
        try (Connection connection = dataSource.getConnection()) {
            for (String sql : new String[] {
                "DELETE FROM connect8x8_receipt_status WHERE seen_at < ?",
                "DELETE FROM connect8x8_receipt_latest WHERE updated_at < ?",
                "DELETE FROM connect8x8_inbound_seen WHERE seen_at < ?"}) {
                try (PreparedStatement delete = connection.prepareStatement(sql)) {
                    delete.setTimestamp(1, before);
                    removed += delete.executeUpdate();
                }
            }
            return removed;
        } catch (SQLException e) {
            throw failure("purge old receipts", e);
        }
    }

    /** Says what failed and PostgreSQL's SQL state, never a value from the receipt. */
    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("Could not " + what + " in PostgreSQL (SQL state " + e.getSQLState() + ")", e);
    }
}
