package io.connect8x8.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.connect8x8.BadRequestException;
import io.connect8x8.Connect8x8Client;
import io.connect8x8.ValidationException;
import io.connect8x8.api.ApiResult;
import io.connect8x8.api.WhatsAppTemplates;
import io.connect8x8.chatapps.ChatContent;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.Template;
import io.connect8x8.sandbox.Sandbox;
import io.connect8x8.sandbox.SandboxClock;
import io.connect8x8.sms.Sms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, "done when": what a user who adds only the BOM's artifacts does, against the simulator serving every
 * operation: message status and cancel of a scheduled message, the template list and the template check, a file
 * upload sent as media, the balance, and a verification round trip, through the generic path and the CLI.
 */
class SandboxRoundTripTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final String ACCOUNT = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path temp;

    private SandboxClock clock;
    private Sandbox sandbox;
    private Connect8x8Client client;

    @BeforeEach
    void start() {
        clock = SandboxClock.at(T0);
        sandbox = Sandbox.builder().clock(clock).build().start();
        client = Connect8x8Client.builder().apiKey(sandbox.apiKey()).subAccountId("acme-tests").accountId(ACCOUNT)
                .smsBaseUrl(sandbox.smsBaseUrl()).chatAppsBaseUrl(sandbox.chatAppsBaseUrl())
                .verifyBaseUrl(sandbox.verifyBaseUrl()).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    @Test
    void aScheduledSmsHasItsStatusAndIsCancelledOnce() {
        String umid = client.sms().send(Sms.builder().to("+6591234567").text("A")
                .scheduled(OffsetDateTime.ofInstant(T0.plus(Duration.ofHours(1)), ZoneOffset.UTC)).build()).umid();
        ApiResult status = client.api().sms().status(umid);
        assertEquals("scheduled", status.raw().string("status", "detail").orElseThrow());
        assertEquals(JsonParser.parseString("{\"cancelledCount\":1}"), client.api().sms().cancel(umid).json());
        clock.advance(Duration.ofHours(1));
        assertEquals("cancelled", client.api().sms().status(umid).raw().string("status", "detail").orElseThrow());
        BadRequestException again = assertThrows(BadRequestException.class, () -> client.api().sms().cancel(umid));
        assertEquals(1000, again.error().code());
    }

    @Test
    void templatesAreListedAndASendIsCheckedAgainstTheList() {
        WhatsAppTemplates templates = client.api().whatsAppTemplates();
        templates.add("wa-channel", "{\"name\":\"order_update\",\"language\":\"en_US\",\"category\":\"UTILITY\","
                + "\"components\":[{\"type\":\"BODY\",\"text\":\"Order {{1}} ships on {{2}}\"}]}");
        assertTrue(templates.list("wa-channel").body().contains("order_update"));
        ChatMessage short1 = ChatMessage.builder().to("+6591234567").template(Template.builder("order_update", "en_US")
                .addBodyParameter("A1").build()).build();
        ValidationException refused = assertThrows(ValidationException.class,
                () -> templates.check("wa-channel", short1));
        assertEquals("content.template.components.body.parameters", refused.field());
        ChatMessage full = ChatMessage.builder().to("+6591234567").template(Template.builder("order_update", "en_US")
                .addBodyParameter("A1").addBodyParameter("Monday").build()).build();
        assertTrue(client.chatApps().send(templates.check("wa-channel", full)).accepted());
        templates.remove("wa-channel", "order_update");
    }

    @Test
    void anUploadedFileIsSentAsMedia() throws Exception {
        Path report = Files.writeString(temp.resolve("report.pdf"), "%PDF-1.4 report");
        ApiResult upload = client.api().files().upload(report);
        assertEquals(201, upload.status());
        String url = client.api().files().url(upload);
        assertTrue(url.startsWith(sandbox.chatAppsBaseUrl() + "/files/"), url);
        assertTrue(client.chatApps().send(ChatMessage.builder().to("+6591234567").content(ChatContent.file(url, "report")).build())
                .accepted());
    }

    @Test
    void theBalanceAndAVerificationRoundTrip() {
        assertEquals(JsonParser.parseString("{\"balance\":1000.0,\"currency\":\"EUR\"}"), client.api().balance().json());
        ApiResult session = client.api().verify().send("+6591234567");
        String id = session.raw().string("sessionId").orElseThrow();
        assertEquals("WAITING", session.raw().string("status").orElseThrow());
        ApiResult checked = client.api().verify().check(id, sandbox.verificationCode(id));
        assertEquals("VERIFIED", checked.raw().string("status").orElseThrow());
    }

    @Test
    void theCliCallsTheSameOperations() {
        String umid = client.sms().send(Sms.builder().to("+6591234567").text("A").build()).umid();
        Map<String, String> env = Map.of("CONNECT8X8_API_KEY", sandbox.apiKey(), "CONNECT8X8_SUBACCOUNT_ID",
                "acme-tests", "CONNECT8X8_SMS_URL", sandbox.smsBaseUrl(), "CONNECT8X8_CHATAPPS_URL",
                sandbox.chatAppsBaseUrl(), "CONNECT8X8_VERIFY_URL", sandbox.verifyBaseUrl(),
                "CONNECT8X8_ACCOUNT_ID", ACCOUNT);
        Cli.Run status = Cli.withEnv(env).run("sms", "status", umid);
        assertEquals(0, status.exitCode(), status.all());
        assertEquals(umid, JsonParser.parseString(status.out()).getAsJsonObject().get("umid").getAsString());
        Cli.Run balance = Cli.withEnv(env).run("api", "get-account-balance");
        assertEquals(0, balance.exitCode(), balance.all());
        assertEquals("EUR", JsonParser.parseString(balance.out()).getAsJsonObject().get("currency").getAsString());
        Cli.Run verify = Cli.withEnv(env).run("verify", "send", "--to", "+6591234567");
        assertEquals(0, verify.exitCode(), verify.all());
        String id = JsonParser.parseString(verify.out()).getAsJsonObject().get("sessionId").getAsString();
        Cli.Run check = Cli.withEnv(env).run("verify", "check", "--session", id, "--code",
                sandbox.verificationCode(id));
        assertEquals(0, check.exitCode(), check.all());
        assertEquals("VERIFIED", JsonParser.parseString(check.out()).getAsJsonObject().get("status").getAsString());
    }

    /**
     * {@code verify send} refuses a number that is not one before sending (exit 2, one line naming {@code --to}), as
     * {@code client.api().verify()} refuses it, with the facade's check: it reached the API (exit 3, Invalid MSISDN).
     * Under {@code --dry-run} too. A number with no {@code +} is read as international, as the facade reads it.
     */
    @Test
    void verifySendRefusesANumberThatIsNotOneBeforeSending() {
        Cli.Run number = Cli.withEnv(env()).run("verify", "send", "--to", "12345");
        assertEquals(ExitCodes.USAGE, number.exitCode(), number.all());
        assertEquals("connect8x8: invalid --to: is not a possible phone number (too_short)\n", number.err());
        Cli.Run preview = Cli.withEnv(env()).run("--dry-run", "verify", "send", "--to", "12345");
        assertEquals(ExitCodes.USAGE, preview.exitCode(), preview.all());
        assertEquals(number.err(), preview.err());
        assertEquals(0, sandbox.requestCount());

        Cli.Run sent = Cli.withEnv(env()).run("verify", "send", "--to", "6591234567", "--channel", "whatsapp");
        assertEquals(0, sent.exitCode(), sent.all());
        assertEquals("WAITING", JsonParser.parseString(sent.out()).getAsJsonObject().get("status").getAsString());
    }

    /** A channel the document lacks is refused with the values it allows (they were not listed), before sending. */
    @Test
    void verifySendNamesTheChannelsTheDocumentAllows() {
        Cli.Run channel = Cli.withEnv(env()).run("verify", "send", "--to", "+6591234567", "--channel", "foo");
        assertEquals(ExitCodes.USAGE, channel.exitCode(), channel.all());
        assertEquals("connect8x8: invalid body.channel: must be one of [sms, call, whatsapp, viber, sma]\n",
                channel.err());
        assertEquals(0, sandbox.requestCount());
    }

    /** A code outside the document's length is refused with it in words (it was printed as JSON), not the code. */
    @Test
    void verifyCheckSaysTheCodesLengthInWords() {
        Cli.Run code = Cli.withEnv(env()).run("verify", "check", "--session", "s-1", "--code", "12");
        assertEquals(ExitCodes.USAGE, code.exitCode(), code.all());
        assertEquals("connect8x8: invalid code: must be 3 to 10 characters long\n", code.err());
        assertEquals(0, sandbox.requestCount());
    }

    private Map<String, String> env() {
        return Map.of("CONNECT8X8_API_KEY", sandbox.apiKey(), "CONNECT8X8_SUBACCOUNT_ID", "acme-tests",
                "CONNECT8X8_SMS_URL", sandbox.smsBaseUrl(), "CONNECT8X8_CHATAPPS_URL", sandbox.chatAppsBaseUrl(),
                "CONNECT8X8_VERIFY_URL", sandbox.verifyBaseUrl());
    }

    /**
     * The API answers 200 to a wrong code (status WAITING, one more attempt), so the command's exit code must say it:
     * {@code connect8x8 verify check ... && grant} must not grant on a wrong code.
     */
    @Test
    void aWrongCodeIsNotAZeroExit() {
        Map<String, String> env = Map.of("CONNECT8X8_API_KEY", sandbox.apiKey(), "CONNECT8X8_SUBACCOUNT_ID",
                "acme-tests", "CONNECT8X8_SMS_URL", sandbox.smsBaseUrl(), "CONNECT8X8_CHATAPPS_URL",
                sandbox.chatAppsBaseUrl(), "CONNECT8X8_VERIFY_URL", sandbox.verifyBaseUrl());
        Cli.Run verify = Cli.withEnv(env).run("verify", "send", "--to", "+15550000009");
        assertEquals(0, verify.exitCode(), verify.all());
        String id = JsonParser.parseString(verify.out()).getAsJsonObject().get("sessionId").getAsString();

        Cli.Run wrong = Cli.withEnv(env).run("verify", "check", "--session", id, "--code", "654321");
        assertEquals(3, wrong.exitCode(), wrong.all());
        assertEquals("WAITING", JsonParser.parseString(wrong.out()).getAsJsonObject().get("status").getAsString());
        assertEquals("connect8x8: not verified: the session's status is WAITING (the code is wrong; the user may try "
                + "again)\n", wrong.err());

        Cli.Run right = Cli.withEnv(env).run("verify", "check", "--session", id, "--code", "123456");
        assertEquals(0, right.exitCode(), right.all());
        assertEquals("", right.err());
        assertEquals("VERIFIED", JsonParser.parseString(right.out()).getAsJsonObject().get("status").getAsString());

        Cli.Run other = Cli.withEnv(env).run("verify", "send", "--to", "+15550000009");
        String otherId = JsonParser.parseString(other.out()).getAsJsonObject().get("sessionId").getAsString();
        Cli.Run failed = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            failed = Cli.withEnv(env).run("verify", "check", "--session", otherId, "--code", "000000");
        }
        assertEquals(3, failed.exitCode(), failed.all());
        assertEquals("FAILED", JsonParser.parseString(failed.out()).getAsJsonObject().get("status").getAsString());
        assertEquals("connect8x8: not verified: the session's status is FAILED\n", failed.err());
    }
}
