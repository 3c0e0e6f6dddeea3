package io.connect8x8.cli;

import picocli.CommandLine.Command;

/** The {@code whatsapp} group: template messages, the one-time-password flow of the guide among them. */
@Command(name = "whatsapp", mixinStandardHelpOptions = true,
        description = "Send WhatsApp template messages through the Messaging Apps API.",
        subcommands = {WhatsAppOtpCommand.class, WhatsAppTemplateCommand.class, WhatsAppBatchCommand.class,
                WhatsAppTemplatesCommand.class},
        footerHeading = "%nExample:%n",
        footer = "  connect8x8 whatsapp otp --to +6512345678 --template your_authentication_template_name "
                + "--language en_US --code 123456")
final class WhatsAppCommand extends CommandGroup {
}
