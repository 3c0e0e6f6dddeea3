package io.connect8x8.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connect8x8.generated.messaging.model.ContentType;
import io.connect8x8.sandbox.Sandbox;
import io.connect8x8.sandbox.SandboxExtension;
import io.connect8x8.sandbox.SandboxMessage;
import io.connect8x8.sandbox.WhatsAppTemplate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every sending command, in-process, against the real simulator: exit code, output, and what the simulator got. */
class SimulatorCommandsTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.builder()
            .configure(b -> b.addTemplate(WhatsAppTemplate.of("otp_copy", "en_US", 1).withButton(0, "CopyCode"))
                    .addTemplate(WhatsAppTemplate.of("otp_plain", "en_US", 1))
                    .addTemplate(WhatsAppTemplate.of("order_update", "en_US", 2).withButton(0, "Url")
                            .withButton(1, "QuickReply").withButton(2, "CopyCode")))
            .build();

    private static final Pattern UMID = Pattern.compile("umid=(\\S+)");

    private Cli cli;

    @BeforeEach
    void pointAtTheSimulator(Sandbox sandbox) {
        cli = Cli.withEnv(Map.of("CONNECT8X8_API_KEY", sandbox.apiKey(), "CONNECT8X8_SUBACCOUNT_ID", "acme",
                "CONNECT8X8_SMS_URL", sandbox.smsBaseUrl(), "CONNECT8X8_CHATAPPS_URL", sandbox.chatAppsBaseUrl()));
    }

    private static JsonObject onlyRequest(Sandbox sandbox, String umid) {
        List<SandboxMessage> messages = sandbox.messages();
        assertEquals(1, messages.size(), messages::toString);
        assertEquals(umid, messages.get(0).umid());
        assertTrue(messages.get(0).accepted());
        return JsonParser.parseString(messages.get(0).request()).getAsJsonObject();
    }

    private static String umid(Cli.Run run) {
        Matcher matcher = UMID.matcher(run.out());
        assertTrue(matcher.find(), run.out());
        return matcher.group(1);
    }

    @Test
    void smsSendIsAcceptedAndRecorded(Sandbox sandbox) {
        Cli.Run run = cli.run("sms", "send", "--to", "+6512345678", "--from", "8x8", "--text", "This is an SMS message.",
                "--client-message-id", "m1");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("accepted umid=\\S+ status=QUEUED encoding=GSM7 clientMessageId=m1\n"),
                run.out());
        JsonObject request = onlyRequest(sandbox, umid(run));
        assertEquals("This is an SMS message.", request.get("text").getAsString());
        assertEquals("8x8", request.get("source").getAsString());
    }

    @Test
    void smsBatchFromCsvPersonalisesEachMessage(Sandbox sandbox, @TempDir Path dir) throws Exception {
        Path csv = dir.resolve("recipients.csv");
        Files.writeString(csv, "to,name\n+6512345678,Ana\n+6587654321,Bo\n", StandardCharsets.UTF_8);

        Cli.Run run = cli.run("sms", "batch", "--file", csv.toString(), "--text", "Hi {name}", "--campaign-id", "b1");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("campaign b1: 2 messages, 2 accepted, 0 rejected"), run.out());
        assertEquals(List.of("b1-0", "b1-0"), sandbox.messages().stream().map(SandboxMessage::clientBatchId).toList());
        assertEquals(List.of("Hi Ana", "Hi Bo"), sandbox.messages().stream()
                .map(m -> JsonParser.parseString(m.request()).getAsJsonObject().get("text").getAsString())
                .sorted().toList());
    }

    @Test
    void chatSendCarriesEachContentType(Sandbox sandbox) {
        assertEquals(0, cli.run("chat", "send", "--to", "+6512345678", "--text", "hi").exitCode());
        assertEquals(0, cli.run("chat", "send", "--to", "+6512345678", "--image", "https://example.com/a.png",
                "--caption", "look").exitCode());
        assertEquals(0, cli.run("chat", "send", "--to", "+6512345678", "--location", "1.2834,103.8607").exitCode());
        assertEquals(0, cli.run("chat", "send", "--to", "+6512345678", "--text", "hi", "--fallback", "SMS:30",
                "--fallback-text", "hi by sms").exitCode());

        assertEquals(List.of(ContentType.IMAGE.getValue(), ContentType.LOCATION.getValue(), ContentType.TEXT.getValue(),
                ContentType.TEXT.getValue()), sandbox.messages().stream()
                .map(m -> JsonParser.parseString(m.request()).getAsJsonObject().get("type").getAsString())
                .sorted().toList());
    }

    @Test
    void whatsappOtpPutsTheCodeWhereEachButtonStyleWantsIt(Sandbox sandbox) {
        Cli.Run url = cli.run("whatsapp", "otp", "--to", "+6512345678", "--template",
                "your_authentication_template_name", "--language", "en_US", "--code", "123456");
        Cli.Run copy = cli.run("whatsapp", "otp", "--to", "+6512345678", "--template", "otp_copy", "--language",
                "en_US", "--code", "234567", "--button", "copy-code");
        Cli.Run none = cli.run("whatsapp", "otp", "--to", "+6512345678", "--template", "otp_plain", "--language",
                "en_US", "--code", "345678", "--button", "none");

        assertEquals(List.of(0, 0, 0), List.of(url.exitCode(), copy.exitCode(), none.exitCode()),
                url.err() + copy.err() + none.err());
        assertEquals("[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"123456\"}]},"
                + "{\"type\":\"button\",\"parameters\":[{\"type\":\"text\",\"text\":\"123456\"}],\"index\":0,"
                + "\"subType\":\"Url\"}]", components(sandbox, umid(url)));
        assertEquals("[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"234567\"}]},"
                + "{\"type\":\"button\",\"parameters\":[{\"type\":\"couponCode\",\"couponCode\":\"234567\"}],"
                + "\"index\":0,\"subType\":\"CopyCode\"}]", components(sandbox, umid(copy)));
        assertEquals("[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"345678\"}]}]",
                components(sandbox, umid(none)));
    }

    /** The template components of the accepted message {@code umid}, as the simulator recorded them. */
    private static String components(Sandbox sandbox, String umid) {
        SandboxMessage message = sandbox.messages().stream().filter(m -> m.umid().equals(umid)).findFirst()
                .orElseThrow();
        assertTrue(message.accepted());
        return JsonParser.parseString(message.request()).getAsJsonObject().getAsJsonObject("content")
                .getAsJsonObject("template").get("components").toString();
    }

    @Test
    void whatsappTemplateSendsHeaderBodyAndButtons(Sandbox sandbox) {
        Cli.Run run = cli.run("whatsapp", "template", "--to", "+6512345678", "--template", "order_update",
                "--language", "en_US", "--header-image", "https://example.com/box.png", "--body-param", "Ana",
                "--body-param", "#1042", "--url-button", "0=track/1042", "--quick-reply", "1=STOP",
                "--copy-code", "2=C0DE");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("[{\"type\":\"header\",\"parameters\":[{\"type\":\"image\","
                + "\"url\":\"https://example.com/box.png\"}]},"
                + "{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"Ana\"},"
                + "{\"type\":\"text\",\"text\":\"#1042\"}]},"
                + "{\"type\":\"button\",\"parameters\":[{\"type\":\"text\",\"text\":\"track/1042\"}],"
                + "\"index\":0,\"subType\":\"Url\"},"
                + "{\"type\":\"button\",\"parameters\":[{\"type\":\"payload\",\"payload\":\"STOP\"}],"
                + "\"index\":1,\"subType\":\"QuickReply\"},"
                + "{\"type\":\"button\",\"parameters\":[{\"type\":\"couponCode\",\"couponCode\":\"C0DE\"}],"
                + "\"index\":2,\"subType\":\"CopyCode\"}]", components(sandbox, umid(run)));
        assertEquals(1, sandbox.messages().size());
    }

    @Test
    void rejectionsExitWithThreeAndAServerErrorWithFour(Sandbox sandbox) {
        Cli.Run invalid = cli.run("sms", "send", "--to", "+15550000002", "--text", "hi");
        Cli.Run failing = cli.run("sms", "send", "--to", "+15550000003", "--text", "hi");
        Cli.Run unknown = cli.run("whatsapp", "otp", "--to", "+6512345678", "--template", "nope", "--language",
                "en_US", "--code", "1");
        Cli.Run wrongKey = cli.run("--api-key", "not-the-key", "sms", "send", "--to", "+6512345678", "--text", "hi");

        assertEquals(List.of(3, 4, 3, 3),
                List.of(invalid.exitCode(), failing.exitCode(), unknown.exitCode(), wrongKey.exitCode()));
        assertTrue(invalid.err().startsWith("connect8x8: API error: HTTP 400, 8x8 code 1002"), invalid.err());
        assertTrue(failing.err().startsWith("connect8x8: API error: HTTP 500, 8x8 code 2000"), failing.err());
        assertTrue(unknown.err().startsWith("connect8x8: API error: HTTP 400, 8x8 code 3038"), unknown.err());
        assertTrue(wrongKey.err().startsWith("connect8x8: API error: HTTP 401, 8x8 code 1200"), wrongKey.err());
        assertEquals(1, failing.err().lines().count(), "one line, no stack trace");
    }

    @Test
    void badInputExitsWithTwoAndSendsNothing(Sandbox sandbox) {
        Cli.Run run = cli.run("sms", "send", "--to", "12345", "--text", "hi");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("destination"), run.err());
        assertEquals(0, sandbox.requestCount());
    }

    @Test
    void aSlowApiPastTheTimeoutExitsWithFour(Sandbox sandbox) {
        sandbox.faults().latency(Duration.ofSeconds(3));

        Cli.Run run = cli.run("--timeout", "1", "sms", "send", "--to", "+6512345678", "--text", "hi");

        assertEquals(4, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }
}
