package io.connect8x8.cli;

import io.connect8x8.chatapps.ChatMessage;
import picocli.CommandLine.Option;

/** The options every Messaging Apps command shares: the recipient and the per-message ids and callback. */
final class ChatMessageOptions {

    @Option(names = "--to", required = true, paramLabel = "MSISDN", description = "The recipient, E.164.")
    String to;

    @Option(names = "--client-message-id", paramLabel = "ID",
            description = "Your id for the message, at most 50 characters (default: a generated one).")
    String clientMessageId;

    @Option(names = "--dlr-url", paramLabel = "URL", description = "Where to POST this message's delivery receipts.")
    String dlrUrl;

    /**
     * Returns a builder with the recipient, id and callback set.
     *
     * @return a builder with the recipient, id and callback set
     */
    ChatMessage.Builder builder() {
        ChatMessage.Builder builder = ChatMessage.builder().to(to);
        if (clientMessageId != null) {
            builder.clientMessageId(clientMessageId);
        }
        if (dlrUrl != null) {
            builder.dlrCallbackUrl(dlrUrl);
        }
        return builder;
    }
}
