package io.connect8x8;

import io.connect8x8.generated.messaging.api.MessagingApi;
import io.connect8x8.generated.sms.api.SmsApi;

/**
 * The escape hatch: the generated API classes, configured with the client's base URLs, key and connection pool,
 * for whatever the facade does not cover. Calls through them bypass the facade's validation, retries and typed
 * errors, and throw the generated {@code ApiException}s.
 *
 * @param sms the generated SMS API
 * @param messaging the generated Messaging Apps API
 */
public record GeneratedApis(SmsApi sms, MessagingApi messaging) {
}
