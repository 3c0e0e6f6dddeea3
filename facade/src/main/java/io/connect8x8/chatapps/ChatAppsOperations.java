package io.connect8x8.chatapps;

import io.connect8x8.BatchResult;
import io.connect8x8.MessageOperations;
import io.connect8x8.internal.Access;

/**
 * The Messaging Apps API (WhatsApp and the other chat apps) of a {@link io.connect8x8.Connect8x8Client}, from
 * {@code client.chatApps()}; thread-safe.
 */
public final class ChatAppsOperations
        extends MessageOperations<ChatMessage, ChatResult, ChatBatch> {

    static {
        Access.register(ChatAppsOperations.class, ChatAppsOperations::new);
    }

    private ChatAppsOperations(Access.Wiring<ChatMessage, ChatResult, ChatBatch, BatchResult<ChatResult>> wiring) {
        super(wiring.pipeline(), wiring.single(), wiring.batch());
    }

    /**
     * Sends a WhatsApp authentication template in one call: the code in the body and in the URL button at index 0.
     *
     * @param to the recipient, E.164
     * @param templateName the approved template's name
     * @param language its language, such as {@code en_US}
     * @param code the one-time code, at most 15 characters
     * @return the API's answer
     * @throws io.connect8x8.Connect8x8Exception as {@link #send(io.connect8x8.OutboundMessage)}
     */
    public ChatResult sendOtp(String to, String templateName, String language, String code) {
        return send(ChatMessage.builder().to(to).template(Template.authentication(templateName, language, code))
                .build());
    }
}
