package io.connect8x8.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.sandbox.Sandbox;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two worker processes split one campaign through the journal on a real PostgreSQL (started by the test), and draw
 * every request from one Bucket4j bucket kept in that database.
 */
class TwoWorkersTest {

    private static final int MESSAGES = 2_000;
    /** More tokens than the campaign needs, never refilled within the test: the bucket's count is an exact ledger. */
    private static final long CAPACITY = 1_000;

    private static String database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabases.create();
    }

    /** A bucket of {@code capacity} tokens refilled by one a day. */
    static BucketConfiguration budget(long capacity) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillIntervally(1, Duration.ofDays(1))).build();
    }

    @Test
    void twoProcessesSplitOneCampaignWithoutDuplicatesAndShareOneBucket() throws Exception {
        String jdbcUrl = TestDatabases.jdbcUrl(database);
        try (Sandbox sandbox = Sandbox.builder().build().start()) {
            List<Process> workers = new ArrayList<>();
            List<BufferedReader> outputs = new ArrayList<>();
            try {
                for (String name : List.of("worker-a", "worker-b")) {
                    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                            .toString(), "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                            CampaignWorker.class.getName(), sandbox.rootUrl(), sandbox.apiKey(), jdbcUrl,
                            Integer.toString(MESSAGES), name, Long.toString(CAPACITY))
                            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                    workers.add(process);
                    BufferedReader output = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    outputs.add(output);
                }
                for (BufferedReader output : outputs) {
                    assertEquals("ready", output.readLine());
                }
                for (Process process : workers) {
                    Writer go = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
                    go.write("go\n");
                    go.flush();
                }
                long accepted = 0;
                long requests = 0;
                for (BufferedReader output : outputs) {
                    String line = output.readLine();
                    assertTrue(line != null && line.startsWith("REPORT "), "worker report: " + line);
                    String[] counts = line.split(" ");
                    assertTrue(Long.parseLong(counts[1]) > 0, "each worker sent a share: " + line);
                    accepted += Long.parseLong(counts[1]);
                    requests += Long.parseLong(counts[3]);
                    assertEquals("0", counts[4], "nothing ambiguous");
                    assertEquals("0", counts[5], "nothing failed");
                }
                for (Process process : workers) {
                    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
                    assertEquals(0, process.exitValue());
                }

                assertEquals(MESSAGES, accepted, "the two workers' shares add up to the campaign");
                assertEquals(MESSAGES, sandbox.acceptedMessages());
                assertEquals(0, sandbox.duplicateClientMessageIds());
                assertEquals(sandbox.requestCount(), requests);

                // The limiter's own ledger: every request of both processes took its token from the one bucket.
                PGSimpleDataSource dataSource = new PGSimpleDataSource();
                dataSource.setURL(jdbcUrl);
                Bucket shared = SharedRateLimit.bucket(dataSource, CampaignWorker.BUCKET, budget(CAPACITY));
                assertEquals(CAPACITY - requests, shared.getAvailableTokens());
                assertTrue(requests > 10, "the campaign took several requests: " + requests);
                Bucket other = SharedRateLimit.bucket(dataSource, "another-sub-account", budget(CAPACITY));
                assertEquals(CAPACITY, other.getAvailableTokens(), "buckets are kept per name");
                assertFalse(shared.tryConsume(CAPACITY), "the budget spent by the workers is gone for everyone");
            } finally {
                workers.forEach(Process::destroyForcibly);
            }
        }
    }
}
