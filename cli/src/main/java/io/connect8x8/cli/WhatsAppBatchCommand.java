package io.connect8x8.cli;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.campaigns.Campaign;
import io.connect8x8.campaigns.Campaigns;
import io.connect8x8.campaigns.LogExportRecords;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.Template;
import io.connect8x8.cli.internal.CsvRows;
import io.connect8x8.cli.internal.RecipientFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code whatsapp batch}: an approved template to every row of a CSV file, as a campaign (1,000 messages a request,
 * paced, journaled, resumable). Body parameters take {@code {column}} placeholders filled per row.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Send an approved WhatsApp template to every row of a CSV file, as a resumable campaign.",
                "The header needs a 'to' column; --body-param values fill {{1}}, {{2}}, ... in order, and their "
                        + "{column} placeholders are filled from each row."},
        footerHeading = "%nExample:%n",
        footer = {"  connect8x8 whatsapp batch --file customers.csv --template order_update --language en_US "
                + "--body-param '{name}' --body-param '{order}' --campaign-id orders-0412",
                "",
                "Exit codes: 0 all accepted, 3 some rejected, 4 some failed (run again) or ambiguous (reconcile)."})
final class WhatsAppBatchCommand extends SendCommand {

    @Option(names = "--file", required = true, paramLabel = "PATH", description = "CSV with a 'to' column.")
    Path file;

    @Option(names = "--template", required = true, paramLabel = "NAME", description = "The approved template.")
    String template;

    @Option(names = "--language", required = true, paramLabel = "LANG", description = "Its language, such as en_US.")
    String language;

    @Option(names = "--body-param", paramLabel = "VALUE",
            description = "The next body parameter, {column} placeholders filled per row (repeatable).")
    List<String> bodyParams = new ArrayList<>();

    @Mixin
    CampaignOptions campaign;

    @Override
    void run(Connect8x8Client client) {
        CampaignRun run = new CampaignRun(campaign, this, "chatapps:" + root().settings().subAccountId());
        String id = CampaignRun.defaultId("w", file.toAbsolutePath().toString(), template, language,
                String.join("\u0001", bodyParams));
        try (CsvRows csv = CsvRows.open(file)) {
            for (String param : bodyParams) {
                RecipientFile.checkPlaceholders("body-param", param, csv.columns());
            }
            Function<CsvRows.Row, ChatMessage> mapper = row -> {
                Map<String, String> values = row.checkedValues();
                Template.Builder t = Template.builder(template, language);
                for (String param : bodyParams) {
                    t.addBodyParameter(RecipientFile.fill(param, values, row.line()));
                }
                ChatMessage.Builder message = ChatMessage.builder().to(row.to()).template(t.build());
                String given = values.get("clientMessageId");
                if (given != null && !given.isEmpty()) {
                    message.clientMessageId(given);
                }
                return message.build();
            };
            Campaign.Builder<ChatMessage> builder = Campaigns.chatApps(client);
            exitCode = root().dryRun() ? run.preview(builder, id, csv.rows(), mapper)
                    : run.run(builder, id, file, csv.rows(), mapper, CsvRows.count(file),
                            LogExportRecords.chatApps(client));
        }
    }
}
