package io.connect8x8.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connect8x8.campaigns.CampaignReport;
import io.connect8x8.sandbox.Sandbox;
import io.connect8x8.sandbox.SandboxExtension;
import io.connect8x8.sandbox.SandboxMessage;
import io.connect8x8.sandbox.WhatsAppTemplate;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The batch commands as campaigns, against the real simulator: the summary, the exit codes, and resuming. */
class CampaignCommandsTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.builder()
            .configure(b -> b.addTemplate(WhatsAppTemplate.of("order_update", "en_US", 2)))
            .build();

    @TempDir
    Path dir;

    private Cli cli;
    private Path csv;

    @BeforeEach
    void setUp(Sandbox sandbox) throws Exception {
        cli = Cli.withEnv(Map.of("CONNECT8X8_API_KEY", sandbox.apiKey(), "CONNECT8X8_SUBACCOUNT_ID", "acme",
                "CONNECT8X8_SMS_URL", sandbox.smsBaseUrl(), "CONNECT8X8_CHATAPPS_URL", sandbox.chatAppsBaseUrl()));
        StringBuilder rows = new StringBuilder("to,name,order\n");
        for (int i = 0; i < 25; i++) {
            rows.append("+65912300").append(String.format("%02d", i)).append(",Customer ").append(i).append(",O-")
                    .append(i).append('\n');
        }
        csv = dir.resolve("customers.csv");
        Files.writeString(csv, rows, StandardCharsets.UTF_8);
    }

    private static JsonObject json(Cli.Run run) {
        assertEquals(1, run.out().lines().count(), "one JSON object on stdout: " + run.out());
        return JsonParser.parseString(run.out()).getAsJsonObject();
    }

    @Test
    void jsonSummaryCountsAndTheFileIsPersonalised(Sandbox sandbox) {
        Cli.Run run = cli.run("--json", "sms", "batch", "--file", csv.toString(), "--text", "Hi {name}, order {order}",
                "--campaign-id", "spring");

        assertEquals(0, run.exitCode(), run.err());
        JsonObject summary = json(run);
        assertEquals("spring", summary.get("campaignId").getAsString());
        for (String[] field : new String[][] {{"messages", "25"}, {"accepted", "25"}, {"rejected", "0"},
                {"failed", "0"}, {"ambiguous", "0"}, {"skipped", "0"}}) {
            assertEquals(field[1], summary.get(field[0]).getAsString(), field[0]);
        }
        // A plain progress line every 5 s goes to stderr (a loaded machine may take that long); never to stdout.
        assertTrue(run.err().lines().allMatch(line -> line.startsWith("progress spring: ")), run.err());
        SandboxMessage first = sandbox.messages().get(0);
        assertEquals("spring-0", first.clientBatchId());
        assertEquals("spring-0", first.clientMessageId());
        assertTrue(sandbox.messages().stream().anyMatch(m -> m.request().contains("Hi Customer 7, order O-7")));
        assertTrue(Files.exists(Path.of(csv + ".journal")), "the journal sits beside the file");

        Cli.Run again = cli.run("--json", "sms", "batch", "--file", csv.toString(), "--text",
                "Hi {name}, order {order}", "--campaign-id", "spring");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(25, json(again).get("skipped").getAsInt());
        assertEquals(25, sandbox.acceptedMessages(), "nothing was sent twice");
    }

    @Test
    void anAmbiguousFailureExits4AndIsNotResent(Sandbox sandbox) {
        sandbox.faults().serverErrors(1.0);
        Cli.Run run = cli.run("--json", "sms", "batch", "--file", csv.toString(), "--text", "Hi {name}");
        assertEquals(4, run.exitCode(), run.err());
        assertEquals(25, json(run).get("ambiguous").getAsInt());

        sandbox.faults().clear();
        Cli.Run again = cli.run("sms", "batch", "--file", csv.toString(), "--text", "Hi {name}");
        assertEquals(4, again.exitCode(), again.err());
        assertTrue(again.out().contains("25 ambiguous"), again.out());
        // The resume reconciles from the simulator's log export, which cannot cover the chunk's window before the
        // export lag has passed: the chunk stays ambiguous, with why.
        assertTrue(again.out().contains("reconciliation: 0 of 25 found in 8x8's records, 25 unknown (no source "
                + "covers the window from "), again.out());
        assertTrue(again.out().contains("ambiguous chunks may have been sent: run the same command again once 8x8's "
                + "log export covers them, 1500 s (--export-margin + --export-lag) after they were sent, to settle "
                + "them"), again.out());
        Cli.Run noReconcile = cli.run("sms", "batch", "--file", csv.toString(), "--text", "Hi {name}",
                "--no-reconcile", "--export-margin", "60", "--export-lag", "0");
        assertEquals(4, noReconcile.exitCode(), noReconcile.err());
        assertTrue(noReconcile.out().contains("run the same command again without --no-reconcile once 8x8's log "
                + "export covers them, 60 s (--export-margin + --export-lag) after they were sent"), noReconcile.out());
        assertEquals(0, sandbox.acceptedMessages(), "the ambiguous chunk was not resent");

        Cli.Run forced = cli.run("sms", "batch", "--file", csv.toString(), "--text", "Hi {name}",
                "--resend-ambiguous");
        assertEquals(0, forced.exitCode(), forced.err());
        assertEquals(25, sandbox.acceptedMessages());
    }

    @Test
    void exportMarginSetsTheWindowTheReconciliationSearches(Sandbox sandbox) {
        sandbox.faults().serverErrors(1.0);
        assertEquals(4, cli.run("sms", "batch", "--file", csv.toString(), "--text", "Hi {name}").exitCode());
        sandbox.faults().clear();

        Cli.Run again = cli.run("sms", "batch", "--file", csv.toString(), "--text", "Hi {name}", "--export-margin",
                "3");
        assertEquals(4, again.exitCode(), again.err());
        java.util.regex.Matcher window = java.util.regex.Pattern.compile("covers the window from (\\S+) to (\\S+)\\)")
                .matcher(again.out());
        assertTrue(window.find(), again.out());
        assertEquals(java.time.Duration.ofSeconds(6), java.time.Duration.between(
                java.time.Instant.parse(window.group(1)), java.time.Instant.parse(window.group(2))));

        Cli.Run refused = cli.run("sms", "batch", "--file", csv.toString(), "--text", "Hi {name}", "--export-margin",
                "0");
        assertEquals(2, refused.exitCode(), refused.all());
        assertTrue(refused.err().contains("export-margin"), refused.err());
        assertEquals(0, sandbox.acceptedMessages());
    }

    @Test
    void aChunkThatWasNotSentExits4ThenTheRerunSendsIt(Sandbox sandbox) {
        sandbox.faults().unavailable(1.0);
        Cli.Run run = cli.run("--json", "sms", "batch", "--file", csv.toString(), "--text", "Hi {name}",
                "--campaign-id", "c503");
        assertEquals(4, run.exitCode(), run.err());
        assertEquals(25, json(run).get("failed").getAsInt());
        assertTrue(run.err().isEmpty() || !run.err().contains("campaign c503:"), "results stay on stdout");

        sandbox.faults().clear();
        Cli.Run again = cli.run("--json", "sms", "batch", "--file", csv.toString(), "--text", "Hi {name}",
                "--campaign-id", "c503");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(25, json(again).get("accepted").getAsInt());
        assertEquals(25, sandbox.acceptedMessages());
        assertEquals(0, sandbox.duplicateClientMessageIds());
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedBeforeAnythingIsSent(Sandbox sandbox) throws Exception {
        // 400 more rows (about 11 KB), so that the Latin-1 row is beyond the reader's first 8 KB, then that row.
        StringBuilder more = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            more.append("+65912301").append(String.format("%02d", i % 100)).append(",Customer,O-").append(i).append('\n');
        }
        Files.writeString(csv, more, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        byte[] latin1 = "+6591230099,Jos\u00e9,O-99\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(csv, latin1, java.nio.file.StandardOpenOption.APPEND);

        Cli.Run run = cli.run("sms", "batch", "--file", csv.toString(), "--text", "Hi {name}");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run.out() + run.err());
        assertEquals("connect8x8: invalid file: " + csv + " is not UTF-8 text: save it as UTF-8\n", run.err());
        assertEquals(0, sandbox.acceptedMessages());
    }

    @Test
    void aQuotedCellMaySpanLinesAsSpreadsheetsWriteIt(Sandbox sandbox) throws Exception {
        // Excel's CSV: a BOM, CRLF, and a note of two lines (one blank, one starting with #) in one quoted cell; and a
        // hand-written quote inside an unquoted cell, which is a character, not the start of a cell of many lines.
        Files.writeString(csv, "\uFEFFto,name,note\r\n+6591230001,\"Ana, Jr\",\"line one\r\n\r\n# two\"\r\n"
                + "+6591230002,Bo,5\" screen\r\n+6591230003,Cy,plain\r\n+6591230004,Di,7\" tablet\r\n",
                StandardCharsets.UTF_8);

        Cli.Run run = cli.run("--json", "sms", "batch", "--file", csv.toString(), "--text", "Hi {name}: {note}");

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals(4, json(run).get("accepted").getAsInt());
        assertEquals(List.of("Hi Ana, Jr: line one\n\n# two", "Hi Bo: 5\" screen", "Hi Cy: plain", "Hi Di: 7\" tablet"),
                sandbox.messages().stream().map(m -> JsonParser.parseString(m.request()).getAsJsonObject()
                        .get("text").getAsString()).toList());
    }

    @Test
    void aQuotedCellThatNeverClosesIsRefusedBeforeAnythingIsSent(Sandbox sandbox) throws Exception {
        Files.writeString(csv, "to,name\n+6591230001,Ana\n+6591230002,\"Bo\n+6591230003,Cy\n", StandardCharsets.UTF_8);
        Cli.Run run = cli.run("sms", "batch", "--file", csv.toString(), "--text", "Hi {name}");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run.out() + run.err());
        assertEquals("connect8x8: invalid file: line 3 opens a quoted cell that never closes\n", run.err());

        // Nor does one close 10,000 rows later: a record is bounded, not the rest of the file.
        Files.writeString(csv, "to,name\n+6591230002,\"Bo\n" + "+6591230003,Cy\n".repeat(10_000) + "\"\n",
                StandardCharsets.UTF_8);
        Cli.Run far = cli.run("sms", "batch", "--file", csv.toString(), "--text", "Hi {name}");

        assertEquals(ExitCodes.USAGE, far.exitCode(), far.out() + far.err());
        assertEquals("connect8x8: invalid file: line 2 opens a quoted cell that never closes\n", far.err());
        assertEquals(0, sandbox.acceptedMessages());
    }

    @Test
    void aMalformedJournalUrlIsRefusedWithoutRepeatingItsPassword(Sandbox sandbox) {
        List<String> driverLog = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                driverLog.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger driver = Logger.getLogger("org.postgresql");
        driver.addHandler(handler);
        try {
            Main.configureLogging(false);
            Cli.Run run = cli.run("sms", "batch", "--file", csv.toString(), "--text", "Hi {name}", "--journal",
                    "jdbc:postgresql://[db?password=hunter2");

            assertEquals(ExitCodes.USAGE, run.exitCode(), run.all());
            assertEquals("connect8x8: invalid journal: not a valid jdbc:postgresql: URL, such as "
                    + "jdbc:postgresql://host:5432/database\n", run.err());
            assertEquals(List.of(), driverLog, "the driver's own warning repeats the URL on stderr");
            assertEquals(0, sandbox.acceptedMessages());
        } finally {
            driver.removeHandler(handler);
        }
    }

    @Test
    void aJournalDatabaseThatCannotBeReachedIsOneLineAndExit5(Sandbox sandbox) throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }

        Cli.Run run = cli.run("sms", "batch", "--file", csv.toString(), "--text", "Hi {name}", "--journal",
                "jdbc:postgresql://127.0.0.1:" + port + "/db?password=hunter2");

        assertEquals(ExitCodes.NOT_SENT, run.exitCode(), run.all());
        assertTrue(run.err().startsWith("connect8x8: journal: cannot create the campaign journal's table: Connection "
                + "to 127.0.0.1:" + port + " refused."), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertFalse(run.err().contains("hunter2"), run.err());
        assertEquals(0, sandbox.acceptedMessages());
    }

    @Test
    void aFileChangedSinceTheEarlierRunIsAJournalErrorNotAnInternalOne(Sandbox sandbox) throws Exception {
        assertEquals(0, cli.run("sms", "batch", "--file", csv.toString(), "--text", "Hi {name}", "--campaign-id",
                "chg").exitCode());
        Files.writeString(csv, Files.readString(csv).replace("Customer 0,", "Customer Zero,"));

        Cli.Run run = cli.run("sms", "batch", "--file", csv.toString(), "--text", "Hi {name}", "--campaign-id", "chg");

        assertEquals(ExitCodes.NOT_SENT, run.exitCode(), run.all());
        assertEquals("connect8x8: journal: chunk 0 of campaign chg differs from the one journaled in " + csv
                + ".journal: the input changed since the earlier run\n", run.err());
        assertEquals(25, sandbox.acceptedMessages());
    }

    /** A --file that opens but cannot be read (a directory) is bad input, exit 2, before anything is sent. */
    @Test
    void aDirectoryAsTheFileIsBadInput(Sandbox sandbox) {
        for (List<String> command : List.of(List.of("sms", "batch", "--text", "hi"),
                List.of("whatsapp", "batch", "--template", "order_update", "--language", "en_US"))) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--file", dir.toString()));
            Cli.Run run = cli.run(args.toArray(String[]::new));
            assertEquals(ExitCodes.USAGE, run.exitCode(), run.all());
            assertEquals("", run.out());
            assertEquals("connect8x8: invalid file: cannot read " + dir + ": Is a directory\n", run.err());
        }
        assertEquals(0, sandbox.messages().size());
    }

    /** A --file that does not exist is bad input naming the reason in words (it was "NoSuchFileException"). */
    @Test
    void aMissingFileIsBadInputNamingTheReason(Sandbox sandbox) {
        Path missing = dir.resolve("no-such.csv");
        for (List<String> command : List.of(List.of("sms", "batch", "--text", "hi"),
                List.of("whatsapp", "batch", "--template", "order_update", "--language", "en_US"))) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--file", missing.toString()));
            Cli.Run run = cli.run(args.toArray(String[]::new));
            assertEquals(ExitCodes.USAGE, run.exitCode(), run.all());
            assertEquals("", run.out());
            assertEquals("connect8x8: invalid file: cannot read " + missing + ": no such file\n", run.err());
        }
        assertEquals(0, sandbox.messages().size());
    }

    @Test
    void rejectedMessagesExit3() {
        Cli.Run run = cli.run("--json", "sms", "batch", "--to", "+6512345678,+15550000002", "--text", "hi");
        assertEquals(3, run.exitCode(), run.out() + run.err());
        assertEquals(1, json(run).get("rejected").getAsInt());
    }

    @Test
    void theRowsRejectedInsideAnAcceptedBatchAreListedMaskedAndARerunListsThemAgainWithoutSending(Sandbox sandbox)
            throws Exception {
        Files.writeString(csv, "to,name\n+6591230001,Ann\n+15550000002,Bob\n+6591230003,Cy\n",
                StandardCharsets.UTF_8);
        String rejected = "rejected #1 rej-1 +1********02 Invalid MSISDN +1********02 (test number)";

        Cli.Run run = cli.run("sms", "batch", "--file", csv.toString(), "--text", "Hi {name}", "--campaign-id", "rej");

        assertEquals(3, run.exitCode(), run.out() + run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(rejected, lines.get(0));
        assertTrue(lines.get(1).startsWith("campaign rej: 3 messages, 2 accepted, 1 rejected, 0 failed, "), run.out());
        assertEquals("rejected messages were not sent, and running the same command again does not send them: fix "
                + "those rows (#row counts data rows from 0) and send them as a new campaign", lines.get(2));
        assertFalse((run.out() + run.err()).contains("15550000002"), "no whole number in the output");

        // The rejected row is known from the journal: the rerun lists it again, exits 3, and sends nothing.
        Cli.Run again = cli.run("--json", "sms", "batch", "--file", csv.toString(), "--text", "Hi {name}",
                "--campaign-id", "rej");
        assertEquals(3, again.exitCode(), again.out() + again.err());
        JsonObject summary = json(again);
        assertEquals(3, summary.get("skipped").getAsInt());
        assertEquals(JsonParser.parseString("[{\"position\":1,\"clientMessageId\":\"rej-1\",\"recipient\":"
                + "\"+1********02\",\"reason\":\"Invalid MSISDN +1********02 (test number)\"}]"),
                summary.get("rejections"));
        assertEquals(1, sandbox.requestCount(), "the rerun sent nothing");
        assertEquals(2, sandbox.acceptedMessages());
    }

    /** Over the report's limit, the listing says it is cut and where the rest is; the counts stay whole. */
    @Test
    void aListOfRejectedRowsOverTheReportsLimitSaysItIsCut(Sandbox sandbox) throws Exception {
        int rows = CampaignReport.MAX_REJECTIONS + 5;
        StringBuilder content = new StringBuilder("to,name\n");
        for (int i = 0; i < rows; i++) {
            content.append("+15550000002,N").append(i).append('\n');
        }
        Files.writeString(csv, content, StandardCharsets.UTF_8);

        Cli.Run run = cli.run("sms", "batch", "--file", csv.toString(), "--text", "Hi {name}", "--campaign-id", "cut");

        assertEquals(3, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(CampaignReport.MAX_REJECTIONS, lines.stream().filter(l -> l.startsWith("rejected #")).count());
        assertEquals("rejected #999 cut-999 +1********02 Invalid MSISDN +1********02 (test number)",
                lines.get(CampaignReport.MAX_REJECTIONS - 1));
        assertEquals("(the first 1000 rejected rows are listed; the journal keeps every one)",
                lines.get(CampaignReport.MAX_REJECTIONS));
        assertTrue(lines.get(CampaignReport.MAX_REJECTIONS + 1).startsWith("campaign cut: " + rows + " messages, 0 "
                + "accepted, " + rows + " rejected, "), run.out());
    }

    @Test
    void whatsappTemplateBatchFillsParametersPerRow(Sandbox sandbox) {
        Cli.Run run = cli.run("--json", "whatsapp", "batch", "--file", csv.toString(), "--template", "order_update",
                "--language", "en_US", "--body-param", "{name}", "--body-param", "{order}", "--campaign-id", "wa1");

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals(25, json(run).get("accepted").getAsInt());
        List<SandboxMessage> messages = sandbox.messages();
        assertEquals(25, messages.size());
        assertTrue(messages.stream().allMatch(m -> "wa1-0".equals(m.clientBatchId())));
        assertTrue(messages.get(3).request().contains("Customer 3"), messages.get(3).request());
    }
}
