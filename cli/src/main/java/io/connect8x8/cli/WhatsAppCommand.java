package io.connect8x8.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code whatsapp} group: template messages, the one-time-password flow of the guide among them. */
@Command(name = "whatsapp", mixinStandardHelpOptions = true,
        description = "Send WhatsApp template messages through the Messaging Apps API.",
        subcommands = {WhatsAppOtpCommand.class, WhatsAppTemplateCommand.class, WhatsAppBatchCommand.class},
        footerHeading = "%nExample:%n",
        footer = "  connect8x8 whatsapp otp --to +6512345678 --template your_authentication_template_name "
                + "--language en_US --code 123456")
final class WhatsAppCommand implements Runnable {

    @Spec
    CommandSpec spec;

    /** Without a subcommand, shows the usage. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
