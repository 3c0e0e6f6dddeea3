package io.connect8x8.spring.autoconfigure;

import io.connect8x8.ApiKey;
import io.connect8x8.Connect8x8Client;
import io.connect8x8.RetryPolicy;
import io.connect8x8.ValidationException;
import io.connect8x8.spring.Connect8x8ClientCustomizer;
import io.connect8x8.spring.Connect8x8Properties;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;

/**
 * The {@link Connect8x8Client} bean, built from the {@code connect8x8.*} properties and then every
 * {@link Connect8x8ClientCustomizer} bean in order. An application that declares its own client keeps it.
 */
@AutoConfiguration
@EnableConfigurationProperties(Connect8x8Properties.class)
public class Connect8x8AutoConfiguration {

    /**
     * Creates the auto-configuration; Spring Boot makes it from the starter's list of auto-configurations, applications
     * do not.
     */
    public Connect8x8AutoConfiguration() {
    }

    /**
     * Builds the client. It is closed with the application context.
     *
     * @param properties  the properties
     * @param customizers the customizers, applied after the properties
     * @return the client
     * @throws org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException naming
     *     the {@code connect8x8.*} property whose value the library refused (never showing the API key), or
     *     {@code connect8x8.sandbox.enabled} without {@code connect8x8-sandbox} on the class path
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Connect8x8Client connect8x8Client(Connect8x8Properties properties,
                                             ObjectProvider<Connect8x8ClientCustomizer> customizers) {
        InvalidProperty.requireSimulatorInSandboxMode(properties);
        Connect8x8Client.Builder builder = Connect8x8Client.builder();
        try {
            apply(properties, builder);
            customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
            return builder.build();
        } catch (ValidationException e) {
            throw InvalidProperty.of(e, properties);
        }
    }

    /** Sets what the properties give; an unset property keeps the library's default. */
    static void apply(Connect8x8Properties properties, Connect8x8Client.Builder builder) {
        // In sandbox mode the simulator's key replaces it (Connect8x8SandboxAutoConfiguration): the key file of
        // production, named in the application's properties, failed a sandbox test where that file does not exist.
        boolean sandbox = properties.getSandbox().isEnabled();
        if (!sandbox && properties.getApiKey() != null) {
            builder.apiKey(properties.getApiKey());
        } else if (!sandbox && properties.getApiKeyFile() != null) {
            // Only without api-key, as documented: the file was read after it and its key replaced api-key's.
            builder.apiKey(keyFromFile(properties.getApiKeyFile()));
        }
        ifSet(properties.getRegion(), builder::region);
        ifSet(properties.getSubAccountId(), builder::subAccountId);
        ifSet(properties.getSmsBaseUrl(), builder::smsBaseUrl);
        ifSet(properties.getChatAppsBaseUrl(), builder::chatAppsBaseUrl);
        ifSet(properties.getVerifyBaseUrl(), builder::verifyBaseUrl);
        ifSet(properties.getAccountId(), builder::accountId);
        ifSet(properties.getConnectTimeout(), builder::connectTimeout);
        ifSet(properties.getReadTimeout(), builder::readTimeout);
        ifSet(properties.getCallTimeout(), builder::callTimeout);
        Connect8x8Properties.Retry retry = properties.getRetry();
        if (retry.isConfigured()) {
            RetryPolicy.Builder policy = RetryPolicy.builder();
            ifSet(retry.getMaxAttempts(), policy::maxAttempts);
            ifSet(retry.getInitialBackoff(), policy::initialBackoff);
            ifSet(retry.getMaxBackoff(), policy::maxBackoff);
            ifSet(retry.getRetryAmbiguousFailures(), policy::retryAmbiguousFailures);
            builder.retryPolicy(policy.build());
        }
    }

    /** The key in the file; a malformed one names the file's property (the library names its field apiKey). */
    private static ApiKey keyFromFile(Path file) {
        try {
            return ApiKey.fromFile(file);
        } catch (ValidationException e) {
            if (e.field().equals("apiKey")) {
                // The problem never holds the key: its position and length at most.
                throw new InvalidConfigurationPropertyValueException("connect8x8.api-key-file", file, e.problem());
            }
            throw e;
        }
    }

    private static <T> void ifSet(T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }
}
