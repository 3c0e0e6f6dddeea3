package io.connect8x8.cli;

import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.Template;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code whatsapp otp}: an authentication template carrying a one-time code, as the guide's Flow sends it. */
@Command(name = "otp", mixinStandardHelpOptions = true,
        description = {"Send a one-time code with an approved WhatsApp authentication template.",
                "By default the code fills the body parameter and the URL button at index 0, as in the guide; "
                        + "--button copy-code puts it in a CopyCode button at index 0 instead; "
                        + "--button none sends the body only."},
        footerHeading = "%nExample:%n",
        footer = "  connect8x8 whatsapp otp --to +6512345678 --template your_authentication_template_name "
                + "--language en_US --code 123456")
final class WhatsAppOtpCommand extends ChatSendBase {

    /** Where the code goes besides the body, as the button's sub-type (none: no button). */
    enum ButtonMode {
        url("Url"), copy_code("CopyCode"), none(null);

        private final String kind;

        ButtonMode(String kind) {
            this.kind = kind;
        }
    }

    @Mixin
    ChatMessageOptions common;

    @Option(names = "--template", required = true, paramLabel = "NAME", description = "The approved template.")
    String template;

    @Option(names = "--language", required = true, paramLabel = "LANG", description = "Its language, such as en_US.")
    String language;

    @Option(names = "--code", required = true, paramLabel = "CODE", description = "The one-time code (at most 15).")
    String code;

    @Option(names = "--button", paramLabel = "url|copy-code|none", converter = ButtonModeConverter.class,
            description = "Which button carries the code too (default url).")
    ButtonMode button = ButtonMode.url;

    @Override
    ChatMessage message() {
        return common.builder().template(Template.authentication(template, language, code, button.kind)).build();
    }

    /** Reads {@code url}, {@code copy-code} or {@code none}, in any case. */
    static final class ButtonModeConverter implements picocli.CommandLine.ITypeConverter<ButtonMode> {
        @Override
        public ButtonMode convert(String value) {
            for (ButtonMode mode : ButtonMode.values()) {
                if (mode.name().replace('_', '-').equalsIgnoreCase(value.strip())) {
                    return mode;
                }
            }
            throw new picocli.CommandLine.TypeConversionException(
                    "'" + value + "' is not one of url, copy-code, none");
        }
    }
}
