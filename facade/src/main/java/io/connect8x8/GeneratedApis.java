package io.connect8x8;

import io.connect8x8.generated.messaging.api.MessagingApi;
import io.connect8x8.generated.sms.api.SmsApi;

/**
 * The escape hatch ({@link Connect8x8Client#generated()}): the generated API classes, configured like the client and
 * running on its transport. Calls through them bypass the facade's validation and typed errors.
 */
public final class GeneratedApis {

    private final SmsApi sms;
    private final MessagingApi messaging;

    // Not a record: a public constructor would take generated types (InternalsClosedTest).
    GeneratedApis(SmsApi sms, MessagingApi messaging) {
        this.sms = sms;
        this.messaging = messaging;
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
