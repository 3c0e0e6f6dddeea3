package io.connect8x8.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Sends reach the API with the key from the environment, and print one line or the response JSON. */
class SendTest {

    @Test
    void smsSendPrintsOneAcceptedLine() throws IOException {
        try (FakeApi api = new FakeApi()) {
            Cli.Run run = Cli.withEnv(api.env()).run("sms", "send", "--to", "+6512345678", "--text", "hi",
                    "--client-message-id", "m1");
            assertEquals(0, run.exitCode(), run.err());
            assertEquals("accepted umid=umid-1 status=QUEUED encoding=GSM7 clientMessageId=m1\n", run.out());
            assertEquals("", run.err());
            FakeApi.Recorded request = api.requests().get(0);
            assertEquals("/sms/api/v1/subaccounts/acme/messages", request.path());
            assertEquals("Bearer " + Cli.KEY, request.authorization());
            assertEquals(JsonParser.parseString("{\"destination\":\"+6512345678\",\"text\":\"hi\","
                    + "\"clientMessageId\":\"m1\"}"), request.json());
        }
    }

    @Test
    void jsonPrintsTheResponse() throws IOException {
        try (FakeApi api = new FakeApi()) {
            Cli.Run run = Cli.withEnv(api.env()).run("--json", "chat", "send", "--to", "+6512345678", "--text",
                    "hi", "--client-message-id", "m1");
            assertEquals(0, run.exitCode(), run.err());
            assertEquals(JsonParser.parseString("{\"umid\":\"umid-1\",\"user\":{\"msisdn\":\"+6512345678\"},"
                    + "\"clientMessageId\":\"m1\",\"status\":{\"state\":\"queued\","
                    + "\"timestamp\":\"2026-01-01T00:00:00Z\"}}"), JsonParser.parseString(run.out()));
        }
    }

    @Test
    void optionsOverrideTheEnvironmentAndMayFollowTheSubcommand() throws IOException {
        try (FakeApi api = new FakeApi()) {
            Cli.Run run = Cli.withEnv(api.env()).run("whatsapp", "otp", "--subaccount", "other", "--to",
                    "+6512345678", "--template", "auth", "--language", "en_US", "--code", "1234");
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().startsWith("accepted umid=umid-1 state=queued"), run.out());
            assertEquals("/chat/api/v1/subaccounts/other/messages", api.requests().get(0).path());
        }
    }

    @Test
    void batchPrintsCounts() throws IOException {
        try (FakeApi api = new FakeApi()) {
            Cli.Run run = Cli.withEnv(api.env()).run("sms", "batch", "--to", "+6512345678,+6587654321", "--text",
                    "hi");
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().matches("campaign s[0-9a-f]{10}: 2 messages, 2 accepted, 0 rejected, 0 failed, "
                    + "0 ambiguous, 0 skipped \\(done by an earlier run\\); 1 requests in \\d+ ms\n"), run.out());
            assertEquals("", run.err(), "no progress bar when stderr is not a terminal");
        }
    }

    @Test
    void smsInfoCountsPartsOffline() {
        Cli.Run run = Cli.plain().run("sms", "info", "--text", "x".repeat(161));
        assertEquals(0, run.exitCode());
        assertEquals("encoding:   GSM7\ncharacters: 161\nlength:     161 GSM-7 positions\n"
                + "parts:      2 (153 a part)\nleft:       145 in the last part\n", run.out());
        Cli.Run unicode = Cli.plain().run("sms", "info", "--text", "héllo 😀");
        assertTrue(unicode.out().startsWith("encoding:   UCS2\ncharacters: 7\nlength:     8 UTF-16 units\n"),
                unicode.out());
    }
}
