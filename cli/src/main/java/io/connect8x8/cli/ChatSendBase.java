package io.connect8x8.cli;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.chatapps.ChatMessage;

/** A command that sends one Messaging Apps message: it builds the message, the base previews or sends it. */
abstract class ChatSendBase extends SendCommand {

    /**
     * Returns the message to send, validated.
     *
     * @return the message to send, validated
     */
    abstract ChatMessage message();

    @Override
    final void run(Connect8x8Client client) {
        ChatMessage message = message();
        debug().log("message: " + message);
        previewOrSend(() -> client.chatApps().preview(message), () -> client.chatApps().send(message));
    }
}
