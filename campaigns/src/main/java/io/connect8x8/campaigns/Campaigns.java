package io.connect8x8.campaigns;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.campaigns.internal.ChatKind;
import io.connect8x8.campaigns.internal.SmsKind;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.sms.Sms;

/**
 * Entry points of bulk sends. They live in this module, not on {@code client.sms()}, so that a user who only sends
 * single messages gets no Bucket4j and no journal; every chunk still goes through the client's one send pipeline
 * ({@code sendBatch}).
 */
public final class Campaigns {

    private Campaigns() {
    }

    /**
     * A campaign of SMS: 10,000 a request, shared text, sender and encoding moved into the batch template.
     *
     * @param client the client that sends every chunk; the caller keeps ownership
     * @return a builder
     */
    public static Campaign.Builder<Sms> sms(Connect8x8Client client) {
        return Campaign.builder(new SmsKind(client));
    }

    /**
     * A campaign of Messaging Apps messages (WhatsApp, Viber, ...): 1,000 a request.
     *
     * @param client the client that sends every chunk; the caller keeps ownership
     * @return a builder
     */
    public static Campaign.Builder<ChatMessage> chatApps(Connect8x8Client client) {
        return Campaign.builder(new ChatKind(client));
    }
}
