package io.connect8x8.cli;

import picocli.CommandLine.Command;

/** The {@code chat} group: Messaging Apps messages (WhatsApp, Viber, ...) with fallback. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Send messages through the 8x8 Messaging Apps API.",
        subcommands = ChatSendCommand.class,
        footerHeading = "%nExample:%n",
        footer = "  connect8x8 chat send --to +6512345678 --text 'Hi' --channel whatsapp --fallback sms:60")
final class ChatCommand extends CommandGroup {
}
