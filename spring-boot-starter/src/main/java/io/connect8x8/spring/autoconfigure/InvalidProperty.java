package io.connect8x8.spring.autoconfigure;

import io.connect8x8.ValidationException;
import io.connect8x8.spring.Connect8x8Properties;
import java.util.List;
import java.util.function.Function;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.ClassUtils;

/**
 * Names the {@code connect8x8.*} property behind a value the library refused, as Spring Boot's
 * {@link InvalidConfigurationPropertyValueException}, whose failure analysis prints the property and where it was set.
 * The library names its builder's field ({@code readTimeout}), which the user never wrote; the API key's value is
 * never shown.
 */
final class InvalidProperty {

    /** Shown instead of a secret, as Actuator shows it. */
    static final String HIDDEN = "******";

    /** The class whose presence turns the sandbox auto-configuration on. */
    static final String SIMULATOR = "io.connect8x8.sandbox.Sandbox";

    /** A builder field of the client, the property that sets it, and how to read the property. */
    private record Source(String field, String property, Function<Connect8x8Properties, Object> value) {
    }

    private static final List<Source> CLIENT = List.of(
            new Source("apiKey", "connect8x8.api-key", p -> p.getApiKey() == null ? null : HIDDEN),
            new Source("apiKeyFile", "connect8x8.api-key-file", Connect8x8Properties::getApiKeyFile),
            new Source("subAccountId", "connect8x8.sub-account-id", Connect8x8Properties::getSubAccountId),
            new Source("smsBaseUrl", "connect8x8.sms-base-url", Connect8x8Properties::getSmsBaseUrl),
            new Source("chatAppsBaseUrl", "connect8x8.chat-apps-base-url", Connect8x8Properties::getChatAppsBaseUrl),
            new Source("verifyBaseUrl", "connect8x8.verify-base-url", Connect8x8Properties::getVerifyBaseUrl),
            new Source("accountId", "connect8x8.account-id", Connect8x8Properties::getAccountId),
            new Source("connectTimeout", "connect8x8.connect-timeout", Connect8x8Properties::getConnectTimeout),
            new Source("readTimeout", "connect8x8.read-timeout", Connect8x8Properties::getReadTimeout),
            new Source("callTimeout", "connect8x8.call-timeout", Connect8x8Properties::getCallTimeout),
            new Source("retryPolicy.maxAttempts", "connect8x8.retry.max-attempts", p -> p.getRetry().getMaxAttempts()),
            new Source("retryPolicy.initialBackoff", "connect8x8.retry.initial-backoff",
                    p -> p.getRetry().getInitialBackoff()),
            new Source("retryPolicy.maxBackoff", "connect8x8.retry.max-backoff", p -> p.getRetry().getMaxBackoff()));

    private InvalidProperty() {
    }

    /**
     * The failure to throw for a value the client's builder refused: the property that set it, or, when no property
     * did (a customizer, the environment), the library's own exception.
     *
     * @param refused    the builder's exception
     * @param properties the bound properties
     * @return the exception to throw
     */
    static RuntimeException of(ValidationException refused, Connect8x8Properties properties) {
        if (refused.field().equals("apiKey") && properties.getApiKey() == null && properties.getApiKeyFile() == null) {
            return new InvalidConfigurationPropertyValueException("connect8x8.api-key", null, refused.problem()
                    + "; set connect8x8.api-key or connect8x8.api-key-file (or the environment variable "
                    + "CONNECT8X8_API_KEY)");
        }
        for (Source source : CLIENT) {
            Object value = source.value().apply(properties);
            if (source.field().equals(refused.field()) && value != null) {
                return new InvalidConfigurationPropertyValueException(source.property(), value, refused.problem());
            }
        }
        return refused;
    }

    /**
     * Refuses sandbox mode without the simulator: its auto-configuration then steps aside, so the client bean would
     * keep the configured key and 8x8's live hosts, and the webhook endpoint would still accept requests without
     * {@code Authorization} as it does in sandbox mode.
     *
     * @param properties the bound properties
     * @throws InvalidConfigurationPropertyValueException naming {@code connect8x8.sandbox.enabled}
     */
    static void requireSimulatorInSandboxMode(Connect8x8Properties properties) {
        // The default class loader (the thread's), as the sandbox auto-configuration's condition sees the context's.
        if (properties.getSandbox().isEnabled() && !ClassUtils.isPresent(SIMULATOR, null)) {
            throw new InvalidConfigurationPropertyValueException("connect8x8.sandbox.enabled", true,
                    "needs connect8x8-sandbox on the class path (a test dependency): without it the client would "
                            + "send to 8x8 and the webhook endpoint accept requests without Authorization");
        }
    }

    /**
     * The failure for a webhook property the receiver's builder refused.
     *
     * @param property the property
     * @param value    its value
     * @param refused  the builder's exception
     * @return the exception to throw
     */
    static InvalidConfigurationPropertyValueException of(String property, Object value, RuntimeException refused) {
        return new InvalidConfigurationPropertyValueException(property, value, refused.getMessage());
    }
}
