package io.connect8x8.postgresql;

import io.connect8x8.postgresql.internal.SchemaMigrations;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A token bucket kept in PostgreSQL by Bucket4j, so that every process using the same name shares one rate: give it
 * to {@code Campaign.Builder#bucket} in each app instance or worker that sends for the same sub-account. Each token
 * costs one short transaction (an advisory lock and one row), a small price next to a batch request.
 */
public final class SharedRateLimit {

    /** The table holding every bucket's state. */
    public static final String TABLE = "connect8x8_rate_bucket";

    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE IF NOT EXISTS " + TABLE + " (id bigint PRIMARY KEY, state bytea, expires_at bigint)");

    private SharedRateLimit() {
    }

    /**
     * The bucket named {@code name}: {@code requestsPerSecond} tokens a second, refilled greedily, holding at most
     * one second's worth. Creates its table when missing. The first process to use a name fixes its configuration.
     *
     * @param dataSource the database; the caller keeps ownership
     * @param name the bucket's name, e.g. the sub-account id
     * @param requestsPerSecond the shared rate
     * @return the shared bucket
     * @throws IllegalStateException when the table cannot be created
     */
    public static Bucket bucket(DataSource dataSource, String name, int requestsPerSecond) {
        if (requestsPerSecond < 1) {
            throw new IllegalArgumentException("requestsPerSecond must be at least 1");
        }
        return bucket(dataSource, name, BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(requestsPerSecond)
                        .refillGreedy(requestsPerSecond, java.time.Duration.ofSeconds(1)))
                .build());
    }

    /**
     * The bucket named {@code name} with any Bucket4j configuration. Creates its table when missing.
     *
     * @param dataSource the database; the caller keeps ownership
     * @param name the bucket's name
     * @param configuration the limits, used when the bucket does not exist yet
     * @return the shared bucket
     * @throws IllegalStateException when the table cannot be created
     */
    public static Bucket bucket(DataSource dataSource, String name, BucketConfiguration configuration) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(configuration, "configuration");
        try {
            SchemaMigrations.apply(dataSource, "rate-bucket", SCHEMA);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create " + TABLE + ": " + e.getMessage(), e);
        }
        ProxyManager<Long> buckets = Bucket4jPostgreSQL.advisoryLockBasedBuilder(dataSource)
                .table(TABLE).idColumn("id").stateColumn("state").build();
        return buckets.builder().build(key(name), () -> configuration);
    }

    /** A stable 64-bit key from the name (FNV-1a): the table's key and the advisory lock's id. */
    static long key(String name) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return hash;
    }
}
