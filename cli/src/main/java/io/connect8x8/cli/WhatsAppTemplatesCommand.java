package io.connect8x8.cli;

import io.connect8x8.api.OperationCall;
import io.connect8x8.api.Operations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code whatsapp templates}: a channel's WhatsApp templates ({@code get-whatsapp-templates}). */
@Command(name = "templates", mixinStandardHelpOptions = true,
        description = "List a WhatsApp channel's templates, with their status and components.",
        footerHeading = "%nExample:%n",
        footer = {"  connect8x8 --account 0f7b8bb1-7f2d-4a5a-9a3e-1c2d3e4f5a6b whatsapp templates "
                + "--channel ec36a867-3dd4-e911-814a-02d85f55fce8",
                "  (--account: your account's id, a UUID as 8x8's document requires)"})
final class WhatsAppTemplatesCommand extends OperationCommand {

    @Option(names = "--channel", required = true, paramLabel = "ID", description = "The WhatsApp channel's id.")
    String channelId;

    @Override
    OperationCall operationCall(Operations api) {
        return OperationCall.of("messaging-apps:get-whatsapp-templates").param("channelId", channelId);
    }
}
