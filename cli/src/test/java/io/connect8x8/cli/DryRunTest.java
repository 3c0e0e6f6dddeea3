package io.connect8x8.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connect8x8.generated.messaging.model.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --dry-run} prints exactly the request each kind of message makes, and sends nothing. */
class DryRunTest {

    private static final String HEADERS = "\"headers\":{\"Accept\":\"application/json\","
            + "\"Authorization\":\"Bearer ****\",\"Content-Type\":\"application/json; charset=utf-8\","
            + "\"User-Agent\":\"connect8x8-java/0.1\"}";
    private static final String SMS = "https://sms.8x8.com/api/v1/subaccounts/acme/messages";
    private static final String CHAT = "https://chatapps.8x8.com/api/v1/subaccounts/acme/messages";
    private static final String TO = "\"user\":{\"msisdn\":\"+6512345678\"},\"clientMessageId\":\"m1\"";

    private final Cli cli = Cli.plain();

    /** The expected request; a content {@code type} is spelt as the spec set the build used spells it. */
    private static JsonElement expected(String url, String body) {
        for (ContentType type : ContentType.values()) {
            body = body.replace("\"type\":\"" + capitalised(type) + "\"", "\"type\":\"" + type.getValue() + "\"");
        }
        return JsonParser.parseString("{\"method\":\"POST\",\"url\":\"" + url + "\"," + HEADERS + ",\"body\":"
                + body + "}");
    }

    private static String capitalised(ContentType type) {
        String lower = type.name().toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private JsonObject dryRun(String... args) {
        String[] all = new String[args.length + 5];
        System.arraycopy(new String[] {"--api-key", Cli.KEY, "--subaccount", "acme", "--dry-run"}, 0, all, 0, 5);
        System.arraycopy(args, 0, all, 5, args.length);
        Cli.Run run = cli.run(all);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertTrue(!run.all().contains(Cli.KEY));
        return JsonParser.parseString(run.out()).getAsJsonObject();
    }

    @Test
    void smsSingle() {
        assertEquals(expected(SMS, "{\"destination\":\"+6512345678\",\"text\":\"Hello\",\"source\":\"8x8\","
                        + "\"encoding\":\"UCS2\",\"clientMessageId\":\"m1\",\"dlrCallbackUrl\":\"https://x.example/dlr\"}"),
                dryRun("sms", "send", "--to", "+6512345678", "--text", "Hello", "--from", "8x8", "--encoding", "ucs2",
                        "--client-message-id", "m1", "--dlr-url", "https://x.example/dlr"));
    }

    /** A batch command's dry run: the campaign's first request on stdout, which chunk it is on stderr. */
    private JsonObject dryRunBatch(String expectedErr, String... args) {
        String[] all = new String[args.length + 5];
        System.arraycopy(new String[] {"--api-key", Cli.KEY, "--subaccount", "acme", "--dry-run"}, 0, all, 0, 5);
        System.arraycopy(args, 0, all, 5, args.length);
        Cli.Run run = cli.run(all);
        assertEquals(expectedErr.startsWith("invalid") ? 3 : 0, run.exitCode(), run.err());
        assertEquals(expectedErr, run.err().strip());
        assertTrue(!run.all().contains(Cli.KEY));
        return JsonParser.parseString(run.out()).getAsJsonObject();
    }

    /**
     * The campaign builds the preview: its batch id, its message ids (the row's position), the shared template, and
     * the ask for each message's answer (which says which messages 8x8 rejected).
     */
    @Test
    void smsBatchFromCsvShowsTheCampaignsFirstRequest(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("people.csv"),
                "to,name,order\n+6512345678,Ana,42\n+6587654321,\"Bo, Jr\",43\n");
        assertEquals(expected(SMS + "/batch", "{\"clientBatchId\":\"spring-0\",\"messages\":["
                + "{\"destination\":\"+6512345678\",\"text\":\"Hi Ana, order 42\",\"clientMessageId\":\"spring-0\"},"
                + "{\"destination\":\"+6587654321\",\"text\":\"Hi Bo, Jr, order 43\",\"clientMessageId\":\"spring-1\"}],"
                + "\"template\":{\"source\":\"8x8\"},\"includeMessagesInResponse\":true}"),
                dryRunBatch("dry run: the first request of the campaign, chunk spring-0 (2 messages)", "sms", "batch",
                        "--file", csv.toString(), "--text", "Hi {name}, order {order}", "--from", "8x8",
                        "--campaign-id", "spring"));
    }

    /**
     * One text to many numbers: the campaign moves the text to the template, and the facade's batch mapping writes it
     * into each message as well (what is really sent: the preview is the send's own request).
     */
    @Test
    void smsBatchFromPlainNumbersSharesTheTextInTheTemplate(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("numbers.txt"), "+6512345678\n\n# skipped\n+6587654321\n");
        assertEquals(expected(SMS + "/batch", "{\"clientBatchId\":\"open-0\",\"template\":{\"text\":\"Store opens at 9\"},"
                + "\"messages\":[{\"destination\":\"+6512345678\",\"text\":\"Store opens at 9\","
                + "\"clientMessageId\":\"open-0\"},{\"destination\":\"+6587654321\",\"text\":\"Store opens at 9\","
                + "\"clientMessageId\":\"open-1\"}],\"includeMessagesInResponse\":true}"),
                dryRunBatch("dry run: the first request of the campaign, chunk open-0 (2 messages)", "sms", "batch",
                        "--file", file.toString(), "--text", "Store opens at 9", "--campaign-id", "open"));
    }

    /** A malformed row is refused alone in the preview too, as the campaign would refuse it; exit 3. */
    @Test
    void aMalformedRowIsRefusedAloneInThePreview(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("bad.csv"), "to,name\n+6512345678,Ana\nnot-a-number,Bo\n"
                + "+6587654321,Cy,extra\n+6587654322,Di\n");
        JsonObject body = dryRunBatch("invalid #1 destination: must be a phone number of digits, optionally "
                        + "starting with +\n"
                        + "invalid #2 file: line 4 has 3 columns, the header 2\n"
                        + "dry run: the first request of the campaign, chunk bad-0 (2 messages)",
                "sms", "batch", "--file", csv.toString(), "--text", "Hi {name}", "--campaign-id", "bad")
                .getAsJsonObject("body");
        assertEquals(JsonParser.parseString("[{\"destination\":\"+6512345678\",\"text\":\"Hi Ana\","
                + "\"clientMessageId\":\"bad-0\"},{\"destination\":\"+6587654322\",\"text\":\"Hi Di\","
                + "\"clientMessageId\":\"bad-3\"}]"), body.get("messages"));
    }

    /** The WhatsApp batch's preview is the campaign's first batch request as well. */
    @Test
    void whatsappBatchShowsTheCampaignsFirstRequest(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("orders.csv"), "to,name\n+6512345678,Ana\n");
        JsonObject preview = dryRunBatch("dry run: the first request of the campaign, chunk wa-0 (1 messages)",
                "whatsapp", "batch", "--file", csv.toString(), "--template", "order", "--language", "en_US",
                "--body-param", "{name}", "--campaign-id", "wa");
        assertEquals(CHAT + "/batch", preview.get("url").getAsString());
        JsonObject body = preview.getAsJsonObject("body");
        assertEquals("wa-0", body.get("clientBatchId").getAsString());
        JsonObject message = body.getAsJsonArray("messages").get(0).getAsJsonObject();
        assertEquals("wa-0", message.get("clientMessageId").getAsString());
        assertEquals("+6512345678", message.getAsJsonObject("user").get("msisdn").getAsString());
    }

    @Test
    void chatText() {
        assertEquals(expected(CHAT, "{" + TO + ",\"type\":\"Text\",\"content\":{\"text\":\"hi\"}}"),
                dryRun("chat", "send", "--to", "+6512345678", "--text", "hi", "--client-message-id", "m1"));
    }

    @Test
    void chatImageWithCaption() {
        assertEquals(expected(CHAT, "{" + TO + ",\"type\":\"Image\",\"content\":{\"text\":\"cap\","
                        + "\"url\":\"https://e.example/a.jpg\"}}"),
                dryRun("chat", "send", "--to", "+6512345678", "--image", "https://e.example/a.jpg", "--caption",
                        "cap", "--client-message-id", "m1"));
    }

    @Test
    void chatLocation() {
        assertEquals(expected(CHAT, "{" + TO + ",\"type\":\"Location\",\"content\":{\"location\":"
                        + "{\"latitude\":1.2834,\"longitude\":103.8607}}}"),
                dryRun("chat", "send", "--to", "+6512345678", "--location", "1.2834,103.8607",
                        "--client-message-id", "m1"));
    }

    @Test
    void chatFallbackPutsTheDelayOnTheChannelFallenBackFrom() {
        assertEquals(expected(CHAT, "{" + TO + ",\"type\":\"Text\",\"content\":{\"text\":\"hi\","
                        + "\"fallbackText\":\"hi by sms\"},\"channels\":[{\"channel\":\"WhatsApp\",\"fallbackAfter\":60},"
                        + "{\"channel\":\"Viber\",\"fallbackAfter\":30},{\"channel\":\"SMS\"}]}"),
                dryRun("chat", "send", "--to", "+6512345678", "--text", "hi", "--channel", "whatsapp",
                        "--fallback", "viber:60", "--fallback", "sms:30", "--fallback-text", "hi by sms",
                        "--client-message-id", "m1"));
    }

    /** Channel and encoding names are matched against the document in use: a name it lacks is one line, exit 2. */
    @Test
    void aChannelOrEncodingTheSpecInUseLacksIsRefusedBeforeSending() {
        Cli.Run channel = cli.run("--api-key", Cli.KEY, "--subaccount", "acme", "--dry-run", "chat", "send",
                "--to", "+6512345678", "--text", "hi", "--channel", "whatsapp", "--fallback", "nosuchchannel:60");
        assertEquals(2, channel.exitCode(), channel.err());
        assertTrue(channel.err().contains("channels[1].channel") && channel.err().contains("'nosuchchannel'"),
                channel.err());
        assertEquals(1, channel.err().strip().lines().count(), channel.err());

        Cli.Run encoding = cli.run("--api-key", Cli.KEY, "--subaccount", "acme", "--dry-run", "sms", "send",
                "--to", "+6512345678", "--text", "hi", "--encoding", "nosuchencoding");
        assertEquals(2, encoding.exitCode(), encoding.err());
        assertTrue(encoding.err().contains("encoding") && encoding.err().contains("'nosuchencoding'"), encoding.err());
        assertEquals("", encoding.out());
    }

    private static String otp(String buttons) {
        return "{" + TO + ",\"type\":\"Template\",\"content\":{\"template\":{\"name\":\"auth\",\"language\":\"en_US\","
                + "\"components\":[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"123456\"}]}"
                + buttons + "]}}}";
    }

    private JsonObject otpDryRun(String... button) {
        String[] base = {"whatsapp", "otp", "--to", "+6512345678", "--template", "auth", "--language", "en_US",
                "--code", "123456", "--client-message-id", "m1"};
        String[] all = new String[base.length + button.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(button, 0, all, base.length, button.length);
        return dryRun(all);
    }

    @Test
    void otpPutsTheCodeInBodyAndUrlButtonByDefault() {
        assertEquals(expected(CHAT, otp(",{\"type\":\"button\",\"parameters\":[{\"type\":\"text\",\"text\":\"123456\"}],"
                + "\"index\":0,\"subType\":\"Url\"}")), otpDryRun());
        assertEquals(otpDryRun(), otpDryRun("--button", "url"));
    }

    @Test
    void otpWithCopyCodeButton() {
        assertEquals(expected(CHAT, otp(",{\"type\":\"button\",\"parameters\":[{\"type\":\"couponCode\","
                + "\"couponCode\":\"123456\"}],\"index\":0,\"subType\":\"CopyCode\"}")), otpDryRun("--button", "copy-code"));
    }

    @Test
    void otpWithoutButton() {
        assertEquals(expected(CHAT, otp("")), otpDryRun("--button", "none"));
    }

    @Test
    void templateWithHeaderBodyAndButtons() {
        assertEquals(expected(CHAT, "{" + TO + ",\"type\":\"Template\",\"content\":{\"template\":{\"name\":\"order\","
                        + "\"language\":\"en_US\",\"components\":["
                        + "{\"type\":\"header\",\"parameters\":[{\"type\":\"image\",\"url\":\"https://e.example/a.jpg\"}]},"
                        + "{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"Ana\"},"
                        + "{\"type\":\"text\",\"text\":\"42\"}]},"
                        + "{\"type\":\"button\",\"parameters\":[{\"type\":\"text\",\"text\":\"track/42\"}],\"index\":0,"
                        + "\"subType\":\"Url\"},"
                        + "{\"type\":\"button\",\"parameters\":[{\"type\":\"payload\",\"payload\":\"STOP\"}],\"index\":1,"
                        + "\"subType\":\"QuickReply\"},"
                        + "{\"type\":\"button\",\"parameters\":[{\"type\":\"couponCode\",\"couponCode\":\"C0DE\"}],"
                        + "\"index\":2,\"subType\":\"CopyCode\"}]}}}"),
                dryRun("whatsapp", "template", "--to", "+6512345678", "--template", "order", "--language", "en_US",
                        "--header-image", "https://e.example/a.jpg", "--body-param", "Ana", "--body-param", "42",
                        "--copy-code", "2=C0DE", "--quick-reply", "1=STOP", "--url-button", "0=track/42",
                        "--client-message-id", "m1"));
    }

    @Test
    void dryRunNeedsNoKey() {
        Cli.Run run = cli.run("--subaccount", "acme", "--dry-run", "sms", "send", "--to", "+6512345678",
                "--text", "hi");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("\"Bearer ****\""));
    }
}
