package io.connect8x8.cli;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.cli.internal.ProgressBar;
import io.connect8x8.cli.internal.RecipientFile;
import io.connect8x8.sms.Sms;
import io.connect8x8.sms.SmsBatch;
import io.connect8x8.sms.SmsTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sms batch}: one text to many numbers, or one personalised message per CSV row. More than 10,000
 * recipients are sent as several batch requests, with a progress bar when stderr is a terminal.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Send one text to many numbers, or a personalised text per row of a CSV file.",
                "The file holds one number a line, or CSV with a header: the 'to' column holds the number, "
                        + "the other columns fill {name} placeholders in --text."},
        footerHeading = "%nExamples:%n",
        footer = {"  connect8x8 sms batch --to +6512345678 --to +6587654321 --text 'Store opens at 9'",
                "  connect8x8 sms batch --file customers.csv --text 'Hi {name}, your order {order} shipped'"})
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

    @Option(names = "--client-batch-id", paramLabel = "ID", description = "Your id for the batch.")
    String clientBatchId;

    @Option(names = "--include-messages", description = "Ask the API to list each message in the response.")
    boolean includeMessages;

    @Override
    void run(Connect8x8Client client) {
        List<SmsBatch> batches = batches();
        int total = batches.stream().mapToInt(SmsBatch::size).sum();
        debug().log("batch: " + total + " messages in " + batches.size() + " request(s)");
        boolean bar = !root().dryRun() && root().context().interactive().getAsBoolean();
        ProgressBar progress = new ProgressBar(err(), bar, total);
        int done = 0;
        progress.update(0);
        for (SmsBatch batch : batches) {
            previewOrSend(() -> client.sms().preview(batch), () -> client.sms().sendBatch(batch));
            done += batch.size();
            progress.update(done);
        }
        progress.finish();
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
