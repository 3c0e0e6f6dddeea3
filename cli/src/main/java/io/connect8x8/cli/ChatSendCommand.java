package io.connect8x8.cli;

import io.connect8x8.ValidationException;
import io.connect8x8.chatapps.ChannelFallback;
import io.connect8x8.chatapps.ChatContent;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.Location;
import io.connect8x8.cli.internal.FallbackSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code chat send}: one text, media or location message, with optional channel fallback. */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"Send one Messaging Apps message: text, image, video, audio, file or location.",
                "--fallback CHANNEL:AFTER_SECONDS adds a channel tried when the previous one has not succeeded "
                        + "after that many seconds (10 to 86400)."},
        footerHeading = "%nExamples:%n",
        footer = {"  connect8x8 chat send --to +6512345678 --text 'Your parcel is out' --channel whatsapp "
                + "--fallback sms:60 --fallback-text 'Your parcel is out'",
                "  connect8x8 chat send --to +6512345678 --image https://example.com/p.jpg --caption 'Your parcel'",
                "  connect8x8 chat send --to +6512345678 --location 1.2834,103.8607"})
final class ChatSendCommand extends ChatSendBase {

    static final class Content {
        @Option(names = "--text", required = true, paramLabel = "TEXT", description = "A text message.")
        String text;
        @Option(names = "--image", required = true, paramLabel = "URL", description = "An image by URL.")
        String image;
        @Option(names = "--video", required = true, paramLabel = "URL", description = "A video by URL.")
        String video;
        @Option(names = "--audio", required = true, paramLabel = "URL", description = "An audio file by URL.")
        String audio;
        @Option(names = "--file", required = true, paramLabel = "URL", description = "A document by URL.")
        String file;
        @Option(names = "--location", required = true, paramLabel = "LAT,LON",
                description = "A location, such as 1.2834,103.8607.")
        String location;
    }

    @Mixin
    ChatMessageOptions common;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Content content;

    @Option(names = "--caption", paramLabel = "TEXT", description = "The caption of an --image, --video or --file.")
    String caption;

    @Option(names = "--channel", paramLabel = "NAME",
            description = "The first channel, such as whatsapp, viber, sms (default: the account's routing; "
                    + "whatsapp when --fallback is given).")
    String channel;

    @Option(names = "--fallback", paramLabel = "CHANNEL:AFTER_SECONDS",
            description = "A channel to fall back to after the previous one waited that long (repeatable).")
    List<String> fallbacks = new ArrayList<>();

    @Option(names = "--fallback-text", paramLabel = "TEXT", description = "The text an SMS fallback sends.")
    String fallbackText;

    @Override
    ChatMessage message() {
        ChatMessage.Builder builder = common.builder();
        if (caption != null && content.image == null && content.video == null && content.file == null) {
            throw new ParameterException(spec.commandLine(), "--caption goes only with --image, --video or --file");
        }
        if (content.text != null) {
            builder.text(content.text);
        } else if (content.image != null) {
            builder.content(ChatContent.image(content.image, caption));
        } else if (content.video != null) {
            builder.content(ChatContent.video(content.video, caption));
        } else if (content.audio != null) {
            builder.content(ChatContent.audio(content.audio));
        } else if (content.file != null) {
            builder.content(ChatContent.file(content.file, caption));
        } else {
            builder.content(ChatContent.location(location(content.location)));
        }
        channels().forEach(builder::addChannel);
        if (fallbackText != null) {
            builder.fallbackText(fallbackText);
        }
        return builder.build();
    }

    /** The first channel, then each fallback; a fallback's delay belongs to the channel it falls back from. */
    private List<ChannelFallback> channels() {
        List<FallbackSpec> specs = new ArrayList<>();
        for (String text : fallbacks) {
            specs.add(FallbackSpec.parse(spec.commandLine(), text));
        }
        List<ChannelFallback> channels = new ArrayList<>();
        if (channel == null && specs.isEmpty()) {
            return channels;
        }
        // By name: a channel a newer API document adds is reachable without a new release.
        String current = channel == null ? "whatsapp" : channel;
        for (FallbackSpec next : specs) {
            channels.add(ChannelFallback.of(current).after(Duration.ofSeconds(next.afterSeconds())));
            current = next.channel();
        }
        channels.add(ChannelFallback.of(current));
        return channels;
    }

    /** Parses {@code LAT,LON}; the coordinates' ranges are checked by {@link Location}. */
    private static Location location(String text) {
        String[] parts = text == null ? new String[0] : text.split(",");
        if (parts.length != 2) {
            throw new ValidationException("content.location", "must be LAT,LON such as 1.2834,103.8607");
        }
        try {
            return new Location(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()), null, null);
        } catch (NumberFormatException e) {
            throw new ValidationException("content.location", "must be LAT,LON such as 1.2834,103.8607");
        }
    }
}
