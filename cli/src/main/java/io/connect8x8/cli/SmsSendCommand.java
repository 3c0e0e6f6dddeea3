package io.connect8x8.cli;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.cli.internal.IsoTimeConverter;
import io.connect8x8.sms.Sms;
import java.time.OffsetDateTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sms send}: one SMS. */
@Command(name = "send", mixinStandardHelpOptions = true, description = "Send one SMS.",
        footerHeading = "%nExample:%n",
        footer = "  connect8x8 --subaccount acme sms send --to +6512345678 --from 8x8 --text 'Your code is 123456'")
final class SmsSendCommand extends SendCommand {

    @Option(names = "--to", required = true, paramLabel = "MSISDN",
            description = "The recipient, E.164 (+6512345678), or national with --country.")
    String to;

    @Option(names = "--text", required = true, paramLabel = "TEXT", description = "The message.")
    String text;

    @Option(names = "--from", paramLabel = "SENDER", description = "The sender id (default: the account's).")
    String from;

    @Option(names = "--encoding", paramLabel = "auto|gsm7|ucs2",
            description = "The encoding, in any casing: auto, gsm7, ucs2, or another value of the API document in use "
                    + "(default: the API chooses, as auto).")
    String encoding;

    @Option(names = "--client-message-id", paramLabel = "ID",
            description = "Your id for the message (default: a generated one).")
    String clientMessageId;

    @Option(names = "--dlr-url", paramLabel = "URL", description = "Where to POST this message's delivery receipts.")
    String dlrUrl;

    @Option(names = "--scheduled", paramLabel = "ISO8601", converter = IsoTimeConverter.class,
            description = "When to send, such as 2026-05-01T09:00:00+08:00 (at most 7 days ahead).")
    OffsetDateTime scheduled;

    @Option(names = "--expiry", paramLabel = "ISO8601", converter = IsoTimeConverter.class,
            description = "When to stop trying.")
    OffsetDateTime expiry;

    @Option(names = "--country", paramLabel = "CC", description = "The ISO country of a national --to, such as SG.")
    String country;

    @Override
    void run(Connect8x8Client client) {
        Sms.Builder builder = Sms.builder().to(to).text(text);
        if (from != null) {
            builder.from(from);
        }
        if (encoding != null) {
            builder.encoding(encoding);
        }
        if (clientMessageId != null) {
            builder.clientMessageId(clientMessageId);
        }
        if (dlrUrl != null) {
            builder.dlrCallbackUrl(dlrUrl);
        }
        if (scheduled != null) {
            builder.scheduled(scheduled);
        }
        if (expiry != null) {
            builder.expiry(expiry);
        }
        if (country != null) {
            builder.country(country);
        }
        Sms sms = builder.build();
        debug().log("sms: " + sms);
        previewOrSend(() -> client.sms().preview(sms), () -> client.sms().send(sms));
    }
}
