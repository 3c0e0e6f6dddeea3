package io.connect8x8.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connect8x8.sandbox.Sandbox;
import io.connect8x8.sandbox.SandboxExtension;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code --journal jdbc:postgresql:...}: the campaign's chunks recorded in a real PostgreSQL, and resumed from it. */
class PostgresJournalCommandTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.builder().build();

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void aCampaignJournaledInPostgresResumesFromIt(Sandbox sandbox, @TempDir Path dir) throws Exception {
        Path csv = dir.resolve("c.csv");
        Files.writeString(csv, "to,name\n+6591230001,Ana\n+6591230002,Bo\n", StandardCharsets.UTF_8);
        Cli cli = Cli.withEnv(Map.of("CONNECT8X8_API_KEY", sandbox.apiKey(), "CONNECT8X8_SUBACCOUNT_ID", "acme",
                "CONNECT8X8_SMS_URL", sandbox.smsBaseUrl()));
        String url = postgres.getJdbcUrl("postgres", "postgres");
        String[] command = {"--json", "sms", "batch", "--file", csv.toString(), "--text", "Hi {name}",
            "--campaign-id", "pg1", "--journal", url};

        Cli.Run first = cli.run(command);
        Cli.Run second = cli.run(command);

        assertEquals(0, first.exitCode(), first.err());
        assertEquals(2, JsonParser.parseString(first.out()).getAsJsonObject().get("accepted").getAsInt());
        JsonObject resumed = JsonParser.parseString(second.out()).getAsJsonObject();
        assertEquals(2, resumed.get("skipped").getAsInt());
        assertEquals(0, resumed.get("accepted").getAsInt());
        assertEquals(2, sandbox.acceptedMessages());
        try (Connection db = postgres.getPostgresDatabase().getConnection();
             ResultSet row = db.createStatement().executeQuery(
                     "SELECT state, accepted FROM connect8x8_campaign_chunk WHERE campaign_id = 'pg1'")) {
            assertTrue(row.next());
            assertEquals("ACCEPTED", row.getString(1));
            assertEquals(2, row.getInt(2));
        }
        assertTrue(!Files.exists(Path.of(csv + ".journal")), "no file journal beside the input");
    }

    @Test
    void aWorkerRestartedWithinItsPredecessorsLeaseSaysTheChunkIsHeldAndExitsFive(Sandbox sandbox, @TempDir Path dir)
            throws Exception {
        Path csv = dir.resolve("held.csv");
        Files.writeString(csv, "to,name\n+6591230011,Ana\n+6591230012,Bo\n", StandardCharsets.UTF_8);
        Cli cli = Cli.withEnv(Map.of("CONNECT8X8_API_KEY", sandbox.apiKey(), "CONNECT8X8_SUBACCOUNT_ID", "acme",
                "CONNECT8X8_SMS_URL", sandbox.smsBaseUrl()));
        String url = postgres.getJdbcUrl("postgres", "postgres");
        String[] command = {"sms", "batch", "--file", csv.toString(), "--text", "Hi {name}", "--campaign-id",
            "pgheld", "--journal", url};
        // The journal's row for the chunk, as a first run records it; then, as a predecessor killed with kill -9 right
        // after its claim leaves it: CLAIMED by that worker, its 300 s lease running, nothing sent.
        assertEquals(0, cli.run(command).exitCode());
        sandbox.reset();
        Instant claimedAt;
        try (Connection db = postgres.getPostgresDatabase().getConnection();
             Statement statement = db.createStatement()) {
            statement.executeUpdate("UPDATE connect8x8_campaign_chunk SET state = 'CLAIMED', worker = 'killed', "
                    + "claimed_at = now(), accepted = 0, detail = NULL WHERE campaign_id = 'pgheld'");
            try (ResultSet row = statement.executeQuery(
                    "SELECT claimed_at FROM connect8x8_campaign_chunk WHERE campaign_id = 'pgheld'")) {
                assertTrue(row.next());
                claimedAt = row.getTimestamp(1).toInstant();
            }
        }

        Cli.Run restarted = cli.run(command);

        assertEquals(5, restarted.exitCode(), restarted.out() + restarted.err());
        Instant until = claimedAt.plus(Duration.ofSeconds(300));
        assertTrue(restarted.out().contains("not finished: 1 chunk (2 messages) held by another worker's lease until "
                + until + ", not sent by this run: run the same command again after that"), restarted.out());
        assertTrue(restarted.out().contains("2 held by other workers (not finished)"), restarted.out());
        assertTrue(!restarted.out().contains("sent by other workers"), restarted.out());
        assertTrue(restarted.err().isEmpty() || !restarted.err().contains("Exception"), restarted.err());
        JsonObject json = JsonParser.parseString(cli.run(withJson(command)).out()).getAsJsonObject();
        assertEquals(2, json.get("held").getAsInt());
        assertEquals(0, json.get("elsewhere").getAsInt());
        assertEquals(until.toString(), json.get("heldUntil").getAsString());
        assertEquals(0, sandbox.acceptedMessages(), "held by the killed worker's lease: sent by no one");

        // Once the lease has run out, the same command takes the chunk over and sends it.
        try (Connection db = postgres.getPostgresDatabase().getConnection();
             Statement statement = db.createStatement()) {
            statement.executeUpdate("UPDATE connect8x8_campaign_chunk SET claimed_at = now() - interval '301 seconds' "
                    + "WHERE campaign_id = 'pgheld'");
        }
        Cli.Run after = cli.run(command);
        assertEquals(0, after.exitCode(), after.out() + after.err());
        assertEquals(2, sandbox.acceptedMessages());
        assertEquals(0, sandbox.duplicateClientMessageIds());
    }

    private static String[] withJson(String[] command) {
        String[] json = new String[command.length + 1];
        json[0] = "--json";
        System.arraycopy(command, 0, json, 1, command.length);
        return json;
    }
}
