package io.connect8x8;

import io.connect8x8.generated.messaging.api.MessagingApi;
import io.connect8x8.generated.sms.api.SmsApi;

/**
 * The escape hatch: the generated API classes, configured with the client's base URLs, key and connection pool,
 * for whatever the facade does not cover. Calls through them bypass the facade's validation, retries and typed
 * errors, and throw the generated {@code ApiException}s. Obtained from {@link Connect8x8Client#generated()}.
 */
public final class GeneratedApis {

    private final SmsApi sms;
    private final MessagingApi messaging;

    GeneratedApis(SmsApi sms, MessagingApi messaging) {
        this.sms = sms;
        this.messaging = messaging;
    }

    /**
     * The generated SMS API.
     *
     * @return the API, configured like the client
     */
    public SmsApi sms() {
        return sms;
    }

    /**
     * The generated Messaging Apps API.
     *
     * @return the API, configured like the client
     */
    public MessagingApi messaging() {
        return messaging;
    }
}
