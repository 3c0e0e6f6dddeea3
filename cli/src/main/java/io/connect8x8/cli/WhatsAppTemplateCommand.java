package io.connect8x8.cli;

import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.Template;
import io.connect8x8.chatapps.TemplateButton;
import io.connect8x8.chatapps.TemplateHeader;
import io.connect8x8.cli.internal.IndexedValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code whatsapp template}: any approved template, with header, body parameters and button parameters. */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = {"Send an approved WhatsApp template, filling its header, body and button parameters.",
                "Body parameters fill {{1}}, {{2}}, ... in order; buttons are given by their index (0 to 9) "
                        + "in the approved template."},
        footerHeading = "%nExample:%n",
        footer = "  connect8x8 whatsapp template --to +6512345678 --template order_update --language en_US "
                + "--header-image https://example.com/p.jpg --body-param Ana --body-param 42 "
                + "--url-button 0=track/42 --quick-reply 1=STOP")
final class WhatsAppTemplateCommand extends ChatSendBase {

    static final class Header {
        @Option(names = "--header-text", required = true, paramLabel = "T", description = "A text header parameter.")
        String text;
        @Option(names = "--header-image", required = true, paramLabel = "URL", description = "An image header.")
        String image;
        @Option(names = "--header-video", required = true, paramLabel = "URL", description = "A video header.")
        String video;
        @Option(names = "--header-document", required = true, paramLabel = "URL", description = "A document header.")
        String document;

        TemplateHeader toHeader() {
            return text != null ? TemplateHeader.text(text) : image != null ? TemplateHeader.image(image)
                    : video != null ? TemplateHeader.video(video) : TemplateHeader.document(document);
        }
    }

    @Mixin
    ChatMessageOptions common;

    @Option(names = "--template", required = true, paramLabel = "NAME", description = "The approved template.")
    String template;

    @Option(names = "--language", required = true, paramLabel = "LANG", description = "Its language, such as en_US.")
    String language;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Header header;

    @Option(names = "--body-param", paramLabel = "VALUE", description = "The next body parameter (repeatable).")
    List<String> bodyParams = new ArrayList<>();

    @Option(names = "--url-button", paramLabel = "INDEX=VALUE",
            description = "The variable part of the URL button at INDEX (repeatable).")
    List<String> urlButtons = new ArrayList<>();

    @Option(names = "--quick-reply", paramLabel = "INDEX=PAYLOAD",
            description = "The payload of the quick-reply button at INDEX (repeatable).")
    List<String> quickReplies = new ArrayList<>();

    @Option(names = "--copy-code", paramLabel = "INDEX=CODE",
            description = "The code of the copy-code button at INDEX (repeatable).")
    List<String> copyCodes = new ArrayList<>();

    @Override
    ChatMessage message() {
        Template.Builder builder = Template.builder(template, language);
        if (header != null) {
            builder.header(header.toHeader());
        }
        bodyParams.forEach(builder::addBodyParameter);
        List<TemplateButton> buttons = new ArrayList<>();
        for (String text : urlButtons) {
            IndexedValue v = IndexedValue.parse(spec.commandLine(), "--url-button", text);
            buttons.add(TemplateButton.url(v.index(), v.value()));
        }
        for (String text : quickReplies) {
            IndexedValue v = IndexedValue.parse(spec.commandLine(), "--quick-reply", text);
            buttons.add(TemplateButton.quickReply(v.index(), v.value()));
        }
        for (String text : copyCodes) {
            IndexedValue v = IndexedValue.parse(spec.commandLine(), "--copy-code", text);
            buttons.add(TemplateButton.copyCode(v.index(), v.value()));
        }
        buttons.sort(Comparator.comparingInt(TemplateButton::index));
        buttons.forEach(builder::addButton);
        return common.builder().template(builder.build()).build();
    }
}
