package io.connect8x8.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connect8x8.api.OperationInfo;
import io.connect8x8.api.Operations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 6: {@code connect8x8 api OPERATION_ID} calls any operation of the artifacts on the class path, and
 * the named commands ({@code sms status}, {@code sms cancel}, {@code whatsapp templates}, {@code verify}) are
 * operations of the same path. The send operation is in every spec set; the named commands' operations only in
 * 8x8's complete documents, so their tests check the call with those and the one-line error without.
 */
class ApiCommandTest {

    private static final String BODY = "{\"destination\":\"+6512345678\",\"text\":\"Hi\"}";

    @TempDir
    Path temp;

    @Test
    void listsTheOperationsAndAnOperationsParameters() {
        Cli.Run list = Cli.plain().run("api", "--list");
        assertEquals(0, list.exitCode(), list.all());
        assertEquals(Operations.available().size(), list.out().strip().split("\n").length);
        assertTrue(list.out().contains("sms:Send-Sms-Single"), list.out());

        Cli.Run one = Cli.plain().run("api", "--list", "Send-Sms-Single");
        assertEquals(0, one.exitCode(), one.all());
        String[] lines = one.out().split("\n");
        assertTrue(lines[0].startsWith("POST /api/v1/subaccounts/{subAccountId}/messages  (sms:Send-Sms-Single"),
                lines[0]);
        assertTrue(one.out().contains("subAccountId"), one.out());
        assertTrue(one.out().contains("--body"), one.out());
    }

    @Test
    void callsAnOperationWithABodyFromAFile() throws IOException {
        Path body = Files.writeString(temp.resolve("sms.json"), BODY);
        try (FakeApi api = new FakeApi()) {
            Cli.Run run = Cli.withEnv(api.env()).run("api", "Send-Sms-Single", "--body", "@" + body);
            assertEquals(0, run.exitCode(), run.all());
            JsonObject answer = JsonParser.parseString(run.out()).getAsJsonObject();
            assertEquals("umid-1", answer.get("umid").getAsString());
            assertEquals(1, api.requests().size());
            FakeApi.Recorded request = api.requests().get(0);
            assertEquals("POST", request.method());
            assertEquals("/sms/api/v1/subaccounts/acme/messages", request.path());
            assertEquals("Bearer " + Cli.KEY, request.authorization());
            assertEquals("+6512345678", request.json().get("destination").getAsString());
            assertEquals("Hi", request.json().get("text").getAsString());
        }
    }

    @Test
    void dryRunPrintsTheRequestAndSendsNothing() {
        Cli.Run run = Cli.plain().run("--dry-run", "--subaccount", "acme", "api", "Send-Sms-Single", "--body", BODY,
                "--param", "subAccountId=other-sub");
        assertEquals(0, run.exitCode(), run.all());
        JsonObject preview = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals("POST", preview.get("method").getAsString());
        assertEquals("https://sms.8x8.com/api/v1/subaccounts/other-sub/messages", preview.get("url").getAsString());
    }

    @Test
    void badInputIsOneLineAndExitCode2() {
        Cli.Run unknown = Cli.plain().run("--dry-run", "--subaccount", "acme", "api", "no-such-operation");
        assertEquals(ExitCodes.USAGE, unknown.exitCode());
        assertEquals(1, unknown.err().strip().split("\n").length, unknown.err());
        assertTrue(unknown.err().contains("operation 'no-such-operation' is not in the generated artifacts"),
                unknown.err());

        Cli.Run param = Cli.plain().run("--dry-run", "--subaccount", "acme", "api", "Send-Sms-Single", "--body",
                BODY, "--param", "bogus=1");
        assertEquals(ExitCodes.USAGE, param.exitCode());
        assertTrue(param.err().contains("invalid bogus: is not a parameter of Send-Sms-Single"), param.err());

        Cli.Run notJson = Cli.plain().run("--dry-run", "--subaccount", "acme", "api", "Send-Sms-Single", "--body",
                "{\"destination\":");
        assertEquals(ExitCodes.USAGE, notJson.exitCode(), notJson.all());
        assertEquals("connect8x8: invalid body: is not JSON: End of input at line 1 column 16 path $.destination\n",
                notJson.err());

        Cli.Run none = Cli.plain().run("api");
        assertEquals(ExitCodes.USAGE, none.exitCode());
        assertTrue(none.err().contains("invalid OPERATION_ID"), none.err());
    }

    /** A --body @FILE that cannot be read names the file and the reason (the path was repeated as the reason). */
    @Test
    void anUnreadableBodyFileNamesTheReason() {
        Path missing = temp.resolve("missing.json");
        Cli.Run run = Cli.plain().run("--dry-run", "--subaccount", "acme", "api", "Send-Sms-Single", "--body",
                "@" + missing);
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.all());
        assertEquals("", run.out());
        assertEquals("connect8x8: invalid body: cannot read " + missing + ": no such file\n", run.err());

        Cli.Run directory = Cli.plain().run("--dry-run", "--subaccount", "acme", "api", "Send-Sms-Single", "--body",
                "@" + temp);
        assertEquals(ExitCodes.USAGE, directory.exitCode(), directory.all());
        assertEquals("connect8x8: invalid body: cannot read " + temp + ": Is a directory\n", directory.err());
    }

    /** A --param without '=' says what --param takes (it was picocli's "Value for option option '--param'..."). */
    @Test
    void aParamWithoutAValueSaysItTakesNameEqualsValue() {
        for (String param : new String[] {"umid", "=x"}) {
            Cli.Run run = Cli.plain().run("--dry-run", "--subaccount", "acme", "api", "Send-Sms-Single", "--body",
                    BODY, "--param", param);
            assertEquals(ExitCodes.USAGE, run.exitCode(), run.all());
            assertEquals("", run.out());
            assertEquals("connect8x8: --param takes NAME=VALUE, such as --param umid=ID (`connect8x8 api --list "
                    + "OPERATION_ID` lists the names), was '" + param + "'\n"
                    + "Try 'connect8x8 api --help' for more information.\n", run.err());
        }
        // A later one of the same name wins, as it did with picocli's map.
        Cli.Run run = Cli.plain().run("--dry-run", "--subaccount", "acme", "api", "Send-Sms-Single", "--body", BODY,
                "--param", "subAccountId=first", "-p", "subAccountId=second");
        assertEquals(0, run.exitCode(), run.all());
        assertEquals("https://sms.8x8.com/api/v1/subaccounts/second/messages",
                JsonParser.parseString(run.out()).getAsJsonObject().get("url").getAsString());
    }

    @Test
    void apiErrorsKeepTheirExitCodes() throws IOException {
        try (FakeApi api = new FakeApi()) {
            api.failWith(400, 1002, "Invalid MSISDN format");
            Cli.Run run = Cli.withEnv(api.env()).run("api", "Send-Sms-Single", "--body", BODY);
            assertEquals(ExitCodes.API_ERROR, run.exitCode());
            assertTrue(run.err().contains("1002"), run.err());
            assertFalse(run.all().contains(Cli.KEY));
        }
    }

    @Test
    void namedCommandsAreOperationsOfTheGenericPath() {
        boolean published = Operations.available().stream().map(OperationInfo::operationId)
                .anyMatch("get-sms-message-details"::equals);
        Cli.Run status = Cli.plain().run("--dry-run", "--subaccount", "acme", "sms", "status", "u-1");
        Cli.Run cancel = Cli.plain().run("--dry-run", "--subaccount", "acme", "sms", "cancel", "u-1");
        Cli.Run batch = Cli.plain().run("--dry-run", "--subaccount", "acme", "sms", "cancel", "--batch", "b-1");
        Cli.Run templates = Cli.plain().run("--dry-run", "--account", "0f7b8bb17f2d4a5a9a3e1c2d3e4f5a6b",
                "whatsapp", "templates", "--channel", "ch-1");
        if (!published) {
            for (Cli.Run run : new Cli.Run[] {status, cancel, batch, templates}) {
                assertEquals(ExitCodes.USAGE, run.exitCode(), run.all());
                assertTrue(run.err().contains("io.connect8x8:connect8x8-generated-published"), run.err());
            }
            return;
        }
        assertPreview(status, "GET", "https://sms.8x8.com/api/v1/subaccounts/acme/messages/u-1");
        assertPreview(cancel, "DELETE", "https://sms.8x8.com/api/v1/subaccounts/acme/messages/u-1");
        assertPreview(batch, "DELETE", "https://sms.8x8.com/api/v1/subaccounts/acme/messages/batch/b-1");
        assertPreview(templates, "GET", "https://chatapps.8x8.com/api/v1/accounts/0f7b8bb17f2d4a5a9a3e1c2d3e4f5a6b"
                + "/channels/ch-1/templates");
    }

    @Test
    void verifyNeedsTheVerificationDocument() {
        boolean present = Operations.available().stream().map(OperationInfo::operationId)
                .anyMatch("verify-request-v2"::equals);
        Cli.Run send = Cli.plain().run("--dry-run", "--subaccount", "acme", "verify", "send", "--to",
                "+6512345678");
        if (!present) {
            assertEquals(ExitCodes.USAGE, send.exitCode(), send.all());
            assertTrue(send.err().contains("verification:verify-request-v2"), send.err());
            return;
        }
        assertPreview(send, "POST", "https://verify.8x8.com/api/v2/subaccounts/acme/sessions");
    }

    private static void assertPreview(Cli.Run run, String method, String url) {
        assertEquals(0, run.exitCode(), run.all());
        JsonObject preview = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals(method, preview.get("method").getAsString());
        assertEquals(url, preview.get("url").getAsString());
    }
}
