package io.connect8x8.cli;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.campaigns.Campaign;
import io.connect8x8.campaigns.Campaigns;
import io.connect8x8.cli.internal.CsvRows;
import io.connect8x8.cli.internal.RecipientFile;
import io.connect8x8.sms.Sms;
import io.connect8x8.sms.SmsBatch;
import io.connect8x8.sms.SmsTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
                "The CSV may also have 'from' and 'clientMessageId' columns. Exit codes: 0 all accepted, 3 some "
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

    @Option(names = "--client-batch-id", paramLabel = "ID",
            description = "Your id for the batch (with --dry-run; a campaign numbers its batches <campaign-id>-N).")
    String clientBatchId;

    @Option(names = "--include-messages",
            description = "Ask the API to list each message in the response (with --dry-run).")
    boolean includeMessages;

    @Mixin
    CampaignOptions campaign;

    @Override
    void run(Connect8x8Client client) {
        if (!root().dryRun()) {
            exitCode = sendCampaign(client);
            return;
        }
        preview(client);
    }

    private int sendCampaign(Connect8x8Client client) {
        CampaignRun run = new CampaignRun(campaign, this, "sms:" + root().settings().subAccountId());
        Campaign.Builder<Sms> builder = Campaigns.sms(client);
        if (recipients.file == null) {
            Iterator<Sms> input = recipients.to.stream().map(to -> message(to, text, null)).iterator();
            return run.run(builder, CampaignRun.defaultId("s", String.join(",", recipients.to), text, from), null,
                    input, recipients.to.size());
        }
        long rows = CsvRows.count(recipients.file);
        try (CsvRows file = CsvRows.open(recipients.file)) {
            boolean personalised = file.personalised();
            Iterator<Sms> input = file.map(row -> message(row.to(),
                    personalised ? RecipientFile.fill(text, row.values(), row.line()) : text, row.values()));
            return run.run(builder, CampaignRun.defaultId("s", recipients.file.toAbsolutePath().toString(), text,
                    from), recipients.file, input, rows);
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

    /** Under --dry-run: the requests a plain split would make, without a journal. */
    private void preview(Connect8x8Client client) {
        List<SmsBatch> batches = batches();
        int total = batches.stream().mapToInt(SmsBatch::size).sum();
        debug().log("batch: " + total + " messages in " + batches.size() + " request(s)");
        for (SmsBatch batch : batches) {
            previewOrSend(() -> client.sms().preview(batch), () -> client.sms().sendBatch(batch));
        }
    }

    private List<SmsBatch> batches() {
        SmsTemplate.Builder template = SmsTemplate.builder();
        if (from != null) {
            template.from(from);
        }
        if (recipients.file != null) {
            RecipientFile file = RecipientFile.read(recipients.file);
            if (file.personalised()) {
                List<Sms> messages = new ArrayList<>();
                for (int i = 0; i < file.rows().size(); i++) {
                    messages.add(Sms.builder().to(file.numbers().get(i))
                            .text(RecipientFile.fill(text, file.rows().get(i), i + 1)).build());
                }
                return chunks(messages.size(), (b, first, end) -> {
                    if (from != null) {
                        b.template(template.build());
                    }
                    b.addMessages(messages.subList(first, end));
                });
            }
            return destinations(template.text(text).build(), file.numbers());
        }
        return destinations(template.text(text).build(), recipients.to);
    }

    private List<SmsBatch> destinations(SmsTemplate template, List<String> numbers) {
        return chunks(numbers.size(), (b, first, end) -> b.template(template).addDestinations(numbers.subList(first, end)));
    }

    private interface Filler {
        void fill(SmsBatch.Builder builder, int from, int to);
    }

    /** Splits into requests of at most {@link SmsBatch#MAX_MESSAGES}; several requests get numbered batch ids. */
    private List<SmsBatch> chunks(int size, Filler filler) {
        List<SmsBatch> batches = new ArrayList<>();
        int count = (size + SmsBatch.MAX_MESSAGES - 1) / SmsBatch.MAX_MESSAGES;
        for (int n = 0; n < count; n++) {
            SmsBatch.Builder builder = SmsBatch.builder().includeMessagesInResponse(includeMessages);
            if (clientBatchId != null) {
                builder.clientBatchId(count == 1 ? clientBatchId : clientBatchId + "-" + (n + 1));
            }
            int from = n * SmsBatch.MAX_MESSAGES;
            filler.fill(builder, from, Math.min(size, from + SmsBatch.MAX_MESSAGES));
            batches.add(builder.build());
        }
        return batches;
    }
}
