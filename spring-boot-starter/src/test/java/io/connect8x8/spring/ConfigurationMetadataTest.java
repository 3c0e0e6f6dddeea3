package io.connect8x8.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connect8x8.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.json.JsonParserFactory;

/**
 * The metadata IDEs complete {@code connect8x8.*} from states the library's defaults: the processor cannot read them
 * from the properties, whose unset values keep the library's, so an IDE showed none for the timeouts and retries.
 */
class ConfigurationMetadataTest {

    @Test
    void theMetadataGivesTheLibrarysDefaults() throws IOException {
        Map<String, Object> defaults = defaults();
        RetryPolicy policy = RetryPolicy.DEFAULT;
        assertEquals(policy.maxAttempts(), ((Number) defaults.get("connect8x8.retry.max-attempts")).intValue());
        assertEquals(policy.initialBackoff(), duration(defaults.get("connect8x8.retry.initial-backoff")));
        assertEquals(policy.maxBackoff(), duration(defaults.get("connect8x8.retry.max-backoff")));
        assertEquals(policy.retryAmbiguousFailures(), defaults.get("connect8x8.retry.retry-ambiguous-failures"));
        // The client builder's defaults, as its Javadoc states them (the builder has no getters).
        assertEquals(Duration.ofSeconds(10), duration(defaults.get("connect8x8.connect-timeout")));
        assertEquals(Duration.ofSeconds(30), duration(defaults.get("connect8x8.read-timeout")));
        assertEquals(Duration.ofSeconds(60), duration(defaults.get("connect8x8.call-timeout")));
        assertEquals("asia-pacific", defaults.get("connect8x8.region"));
    }

    private static Duration duration(Object value) {
        return DurationStyle.detectAndParse((String) value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> defaults() throws IOException {
        try (InputStream in = ConfigurationMetadataTest.class.getResourceAsStream(
                "/META-INF/spring-configuration-metadata.json")) {
            Map<String, Object> metadata = JsonParserFactory.getJsonParser()
                    .parseMap(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Map<String, Object> defaults = new HashMap<>();
            for (Map<String, Object> property : (List<Map<String, Object>>) metadata.get("properties")) {
                defaults.put((String) property.get("name"), property.get("defaultValue"));
            }
            return defaults;
        }
    }
}
