package io.connect8x8.cli;

import picocli.CommandLine.Command;

/** The {@code sms} group: single sends, batches, and the offline parts calculator. */
@Command(name = "sms", mixinStandardHelpOptions = true, description = "Send SMS through the 8x8 SMS API.",
        subcommands = {SmsSendCommand.class, SmsBatchCommand.class, SmsInfoCommand.class, SmsStatusCommand.class,
                SmsCancelCommand.class},
        footerHeading = "%nExample:%n", footer = "  connect8x8 sms info --text 'Hello, world'")
final class SmsCommand extends CommandGroup {
}
