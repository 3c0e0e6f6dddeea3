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
final class ChatCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    /**
     * Without a subcommand: the usage on stderr, and exit code 2 (bad usage), as for any incomplete command line.
     *
     * @return {@link ExitCodes#USAGE}
     */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
