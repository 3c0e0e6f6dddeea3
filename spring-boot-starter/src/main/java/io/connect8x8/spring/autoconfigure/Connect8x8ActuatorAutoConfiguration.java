package io.connect8x8.spring.autoconfigure;

import java.util.Locale;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Keeps the API key and the webhook's expected {@code Authorization} value out of Actuator's {@code /env} and
 * {@code /configprops}, even with {@code show-values=always}: in any spelling of the property (relaxed names,
 * environment variables such as {@code CONNECT8X8_API_KEY}).
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class Connect8x8ActuatorAutoConfiguration {

    /**
     * Creates the auto-configuration; Spring Boot makes it from the starter's list of auto-configurations, applications
     * do not.
     */
    public Connect8x8ActuatorAutoConfiguration() {
    }

    /**
     * The function that masks the secrets.
     *
     * @return the sanitizing function
     */
    @Bean
    public SanitizingFunction connect8x8SecretsSanitizer() {
        return Connect8x8ActuatorAutoConfiguration::sanitize;
    }

    static SanitizableData sanitize(SanitizableData data) {
        String key = data.getKey() == null ? "" : data.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        boolean secret = key.contains("connect8x8apikey") || key.contains("connect8x8webhookauthorization")
                // /configprops names a property by its field within the connect8x8 bean.
                || key.equals("apikey") || key.equals("authorization");
        return secret && !key.endsWith("file") && !key.endsWith("disabled") ? data.withSanitizedValue() : data;
    }
}
