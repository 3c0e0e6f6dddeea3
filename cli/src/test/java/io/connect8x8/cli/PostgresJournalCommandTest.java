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
}
