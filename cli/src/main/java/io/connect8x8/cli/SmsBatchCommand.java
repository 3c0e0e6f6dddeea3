package io.connect8x8.cli;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.campaigns.Campaign;
import io.connect8x8.campaigns.Campaigns;
import io.connect8x8.campaigns.LogExportRecords;
import io.connect8x8.cli.internal.CsvRows;
import io.connect8x8.cli.internal.RecipientFile;
import io.connect8x8.sms.Sms;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sms batch}: one text to many numbers, or one personalised message per CSV row, sent as a campaign: the file
 * is streamed, cut into batch requests of at most 10,000, paced, journaled and resumable (running the same command
 * again skips what was accepted). Progress goes to stderr, results to stdout.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Send one text to many numbers, or a personalised text per row of a CSV file.",
                "The file holds one number a line, or CSV with a header: the 'to' column holds the number, "
                        + "the other columns fill {name} placeholders in --text."},
        footerHeading = "%nExamples:%n",
        footer = {"  connect8x8 sms batch --to +6512345678 --to +6587654321 --text 'Store opens at 9'",
                "  connect8x8 sms batch --file customers.csv --text 'Hi {name}, your order {order} shipped'",
                "  connect8x8 sms batch --file customers.csv --text 'Hi {name}' --campaign-id spring --json",
                "",
                "The CSV may also have 'from' and 'clientMessageId' columns. With --dry-run, the campaign's first "
                        + "request is printed exactly as it would be sent. Exit codes: 0 all accepted, 3 some "
                        + "rejected, 4 some failed (run again to send them) or ambiguous (reconcile first)."})
final class SmsBatchCommand extends SendCommand {

    static final class Recipients {
        @Option(names = "--to", required = true, split = ",", paramLabel = "MSISDN",
                description = "A recipient (repeat, or separate with commas).")
        List<String> to;

        @Option(names = "--file", required = true, paramLabel = "PATH",
                description = "A file of numbers, or CSV with a 'to' column.")
        Path file;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Recipients recipients;

    @Option(names = "--text", required = true, paramLabel = "TEXT",
            description = "The text; with a CSV file, {column} placeholders are filled per row.")
    String text;

    @Option(names = "--from", paramLabel = "SENDER", description = "The sender id (default: the account's).")
    String from;

    @Mixin
    CampaignOptions campaign;

    @Override
    void run(Connect8x8Client client) {
        CampaignRun run = new CampaignRun(campaign, this, "sms:" + root().settings().subAccountId());
        Campaign.Builder<Sms> builder = Campaigns.sms(client);
        if (recipients.file == null) {
            String id = CampaignRun.defaultId("s", String.join(",", recipients.to), text, from);
            Function<String, Sms> mapper = to -> message(to, text, null);
            exitCode = root().dryRun() ? run.preview(builder, id, recipients.to.iterator(), mapper)
                    : run.run(builder, id, null, recipients.to.iterator(), mapper, recipients.to.size(),
                            LogExportRecords.sms(client));
            return;
        }
        String id = CampaignRun.defaultId("s", recipients.file.toAbsolutePath().toString(), text, from);
        try (CsvRows file = CsvRows.open(recipients.file)) {
            boolean personalised = file.personalised();
            if (personalised) {
                RecipientFile.checkPlaceholders("text", text, file.columns());
            }
            // A row whose number or columns are malformed is refused alone (by Sms.build() in the campaign).
            Function<CsvRows.Row, Sms> mapper = row -> {
                Map<String, String> values = row.checkedValues();
                return message(row.to(), personalised ? RecipientFile.fill(text, values, row.line()) : text, values);
            };
            exitCode = root().dryRun() ? run.preview(builder, id, file.rows(), mapper)
                    : run.run(builder, id, recipients.file, file.rows(), mapper, CsvRows.count(recipients.file),
                            LogExportRecords.sms(client));
        }
    }

    private Sms message(String to, String body, Map<String, String> values) {
        Sms.Builder sms = Sms.builder().to(to).text(body);
        String sender = values == null ? null : values.get("from");
        sms.from(sender != null && !sender.isEmpty() ? sender : from);
        String id = values == null ? null : values.getOrDefault("clientMessageId", values.get("client_message_id"));
        if (id != null && !id.isEmpty()) {
            sms.clientMessageId(id);
        }
        return sms.build();
    }
}
