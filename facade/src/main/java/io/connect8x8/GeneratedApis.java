package io.connect8x8;

import io.connect8x8.generated.messaging.api.MessagingApi;
import io.connect8x8.generated.sms.api.SmsApi;
import io.connect8x8.internal.WireApiClients;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * The escape hatch ({@link Connect8x8Client#generated()}): the generated API classes, configured like the client and
 * running on its transport. Calls through them bypass the facade's validation and typed errors.
 */
public final class GeneratedApis {

    private final SmsApi sms;
    private final MessagingApi messaging;

    /**
     * Both APIs, set up like the client, their calls made on what {@code http} gives each: the client's transport
     * here, a request factory for the send pipeline, which only builds its requests with them.
     */
    GeneratedApis(Function<CallListener.Api, OkHttpClient> http, String smsUrl, String chatUrl, Supplier<String> key,
                  String userAgent) {
        this.sms = new SmsApi(WireApiClients.configure(WireApiClients.sms(http.apply(CallListener.Api.SMS)), smsUrl,
                key, userAgent));
        this.messaging = new MessagingApi(WireApiClients.configure(WireApiClients.messaging(
                http.apply(CallListener.Api.CHAT_APPS)), chatUrl, key, userAgent));
    }

    /** {@return the generated SMS API} */
    public SmsApi sms() {
        return sms;
    }

    /** {@return the generated Messaging Apps API} */
    public MessagingApi messaging() {
        return messaging;
    }
}
