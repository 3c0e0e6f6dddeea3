package io.connect8x8.cli;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.campaigns.Campaign;
import io.connect8x8.campaigns.Campaigns;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.Template;
import io.connect8x8.cli.internal.CsvRows;
import io.connect8x8.cli.internal.RecipientFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
        long rows = CsvRows.count(file);
        try (CsvRows csv = CsvRows.open(file)) {
            Iterator<ChatMessage> input = csv.map(row -> {
                Template.Builder t = Template.builder(template, language);
                for (String param : bodyParams) {
                    t.addBodyParameter(RecipientFile.fill(param, row.values(), row.line()));
                }
                ChatMessage.Builder message = ChatMessage.builder().to(row.to()).template(t.build());
                String id = row.values().get("clientMessageId");
                if (id != null && !id.isEmpty()) {
                    message.clientMessageId(id);
                }
                return message.build();
            });
            Campaign.Builder<ChatMessage> builder = Campaigns.chatApps(client);
            if (root().dryRun()) {
                out().println(client.chatApps().preview(input.next()).toJson(true));
                return;
            }
            exitCode = run.run(builder, CampaignRun.defaultId("w", file.toAbsolutePath().toString(), template,
                    language, String.join("\u0001", bodyParams)), file, input, rows);
        }
    }
}
