package io.connect8x8.specupdates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.connect8x8.cli.Main;
import io.connect8x8.cli.internal.CliContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 15, item 8, the command's half: {@code connect8x8 api} lists and calls what the changed SMS document
 * ({@code specs/updated.set.json}) adds, with the changed artifact's index on the class path and no change to the CLI
 * or the facade. The command runs in-process with captured writers against a loopback MockWebServer.
 */
class SpecUpdateCliTest {

    private static final String KEY = "SeCrEt-KeY-7f3a9c21";

    @TempDir
    Path temp;

    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void listShowsTheAddedOperationAndItsParameters() throws Exception {
        Run all = UpdatedIndex.with(() -> run("api", "--list"));
        assertEquals(0, all.exitCode(), all.err());
        List<String> listed = List.of("sms:get-sms-delivery-attempts", "GET",
                "/api/v1/subaccounts/{subAccountId}/messages/{umid}/attempts");
        assertTrue(all.out().lines().anyMatch(line -> List.of(line.split("\\s+")).equals(listed)), all.out());

        Run one = UpdatedIndex.with(() -> run("api", "--list", "get-sms-delivery-attempts"));
        assertEquals(0, one.exitCode(), one.err());
        List<String> lines = one.out().lines().map(String::strip).toList();
        assertTrue(lines.get(0).startsWith("GET /api/v1/subaccounts/{subAccountId}/messages/{umid}/attempts  "
                + "(sms:get-sms-delivery-attempts, "), lines.get(0));
        assertEquals("Every delivery attempt of a message", lines.get(1));
        assertEquals(List.of(List.of("subAccountId", "path", "string", "required"),
                List.of("umid", "path", "string", "required"), List.of("limit", "query", "integer", "optional")),
                lines.subList(2, lines.size()).stream().map(line -> List.of(line.split("\\s+"))).toList());

        // Without the changed artifact's index the command has no such operation.
        Run without = run("api", "--list");
        assertTrue(without.out().lines().noneMatch(line -> line.contains("get-sms-delivery-attempts")), without.out());
    }

    @Test
    void callsTheAddedOperationByItsIdAndPrintsTheAnswer() throws Exception {
        String answer = "{\"umid\":\"u-1\",\"attempts\":[{\"channel\":\"SMS\",\"status\":\"delivered\"}]}";
        server.enqueue(ok(answer));

        Run run = UpdatedIndex.with(() -> run("api", "get-sms-delivery-attempts", "--param", "umid=u-1",
                "--param", "limit=5"));

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(JsonParser.parseString(answer), JsonParser.parseString(run.out()));
        RecordedRequest request = server.takeRequest();
        assertEquals("GET", request.getMethod());
        assertEquals("/api/v1/subaccounts/acme.sub_1/messages/u-1/attempts?limit=5", request.getPath());
        assertEquals("Bearer " + KEY, request.getHeader("Authorization"));
        assertEquals(0, request.getBodySize());
    }

    @Test
    void sendsTheAddedEnumValueFromABodyFile() throws Exception {
        String body = "{\"destination\":\"+6512345678\",\"text\":\"Hi\",\"encoding\":\"UTF16\"}";
        Path file = Files.writeString(temp.resolve("sms.json"), body);
        String answer = "{\"umid\":\"u-2\",\"destination\":\"+6512345678\",\"encoding\":\"UCS2\","
                + "\"status\":{\"code\":\"QUEUED\",\"description\":\"SMS is accepted and queued for processing\"}}";
        server.enqueue(ok(answer));

        // Qualified: the facade's own artifacts (the CLI ships 8x8's complete documents) have Send-Sms-Single too.
        Run run = UpdatedIndex.with(() -> run("api", UpdatedIndex.SET + ":sms:Send-Sms-Single", "--body", "@" + file));

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(JsonParser.parseString(answer), JsonParser.parseString(run.out()));
        RecordedRequest request = server.takeRequest();
        assertEquals("POST", request.getMethod());
        assertEquals("/api/v1/subaccounts/acme.sub_1/messages", request.getPath());
        assertEquals(JsonParser.parseString(body), JsonParser.parseString(request.getBody().readUtf8()));
    }

    /** One run's exit code and what it wrote. */
    private record Run(int exitCode, String out, String err) {
    }

    /** Runs {@code connect8x8} in-process against the MockWebServer, configured through its environment variables. */
    private Run run(String... args) {
        String url = server.url("/").toString();
        Map<String, String> env = Map.of("CONNECT8X8_API_KEY", KEY, "CONNECT8X8_SUBACCOUNT_ID", "acme.sub_1",
                "CONNECT8X8_SMS_URL", url, "CONNECT8X8_CHATAPPS_URL", url);
        CommandLine cmd = Main.newCommandLine(new CliContext(env, settings -> {
            throw new IllegalStateException("no simulator in this test");
        }, () -> false));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static MockResponse ok(String body) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(body);
    }
}
