package io.connect8x8.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code chat} group: Messaging Apps messages (WhatsApp, Viber, ...) with fallback. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Send messages through the 8x8 Messaging Apps API.",
        subcommands = ChatSendCommand.class,
        footerHeading = "%nExample:%n",
        footer = "  connect8x8 chat send --to +6512345678 --text 'Hi' --channel whatsapp --fallback sms:60")
final class ChatCommand implements Runnable {

    @Spec
    CommandSpec spec;

    /** Without a subcommand, shows the usage. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
