package io.connect8x8.cli;

import picocli.CommandLine.Command;

/** The {@code sms} group: single sends, batches, and the offline parts calculator. */
@Command(name = "sms", mixinStandardHelpOptions = true, description = "Send SMS through the 8x8 SMS API.",
        subcommands = {SmsSendCommand.class, SmsBatchCommand.class, SmsInfoCommand.class, SmsStatusCommand.class,
                SmsCancelCommand.class},
        footerHeading = "%nExample:%n", footer = "  connect8x8 sms info --text 'Hello, world'")
final class SmsCommand implements java.util.concurrent.Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

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
