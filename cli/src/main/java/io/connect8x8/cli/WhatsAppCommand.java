package io.connect8x8.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code whatsapp} group: template messages, the one-time-password flow of the guide among them. */
@Command(name = "whatsapp", mixinStandardHelpOptions = true,
        description = "Send WhatsApp template messages through the Messaging Apps API.",
        subcommands = {WhatsAppOtpCommand.class, WhatsAppTemplateCommand.class, WhatsAppBatchCommand.class,
                WhatsAppTemplatesCommand.class},
        footerHeading = "%nExample:%n",
        footer = "  connect8x8 whatsapp otp --to +6512345678 --template your_authentication_template_name "
                + "--language en_US --code 123456")
final class WhatsAppCommand implements java.util.concurrent.Callable<Integer> {

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
