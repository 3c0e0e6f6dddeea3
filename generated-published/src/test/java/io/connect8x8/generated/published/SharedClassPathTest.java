package io.connect8x8.generated.published;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The two generated artifacts on one class path, as a user who adds connect8x8-generated-published beside the facade
 * (which brings connect8x8-generated-client) has them: each has its own operation index, its own packages and its own
 * documents, and what one index names is there.
 */
class SharedClassPathTest {

    private static final String INDEX = "META-INF/connect8x8/apis.properties";

    @Test
    void bothOperationIndexesAreFoundAndNameWhatIsThere() throws Exception {
        Map<String, Properties> bySet = new TreeMap<>();
        List<URL> indexes = Collections.list(getClass().getClassLoader().getResources(INDEX));
        for (URL url : indexes) {
            Properties index = load(url);
            for (String name : index.getProperty("documents").split(",")) {
                Class<?> api = Class.forName(index.getProperty(name + ".api"));
                assertTrue(api.getSimpleName().endsWith("Api"), api.getName());
                assertNotNull(getClass().getClassLoader().getResource(index.getProperty(name + ".document")),
                        index.getProperty(name + ".document"));
            }
            bySet.merge(index.getProperty("set") + "@" + index.getProperty("sms.api"), index, (a, b) -> a);
        }

        assertEquals(2, indexes.size(), indexes.toString());
        Properties published = null;
        for (Properties index : bySet.values()) {
            if (index.getProperty("sms.api").startsWith("io.connect8x8.generated.published.")) {
                published = index;
            }
        }
        assertNotNull(published, bySet.keySet().toString());
        assertEquals("published", published.getProperty("set"));
        assertEquals("sms,messaging-apps,verification", published.getProperty("documents"));
        assertEquals("io.connect8x8.generated.published.verification.api.VerificationApi",
                published.getProperty("verification.api"));
        assertEquals("verify", published.getProperty("verification.host"));
        assertEquals("chatapps", published.getProperty("messaging-apps.host"));
        assertEquals("io/connect8x8/specs/published/verification.json", published.getProperty("verification.document"));
    }

    @Test
    void thePublishedArtifactHasEveryOperationOfThreeDocuments() throws Exception {
        // 17 SMS, 31 Messaging Apps and 3 Verification operations, each a <operation>Call method of its API class.
        assertEquals(17, calls("io.connect8x8.generated.published.sms.api.SmsApi").size());
        assertEquals(31, calls("io.connect8x8.generated.published.messaging.api.MessagingApi").size());
        assertEquals(List.of("codeValidationV2Call", "smaCoverageCheckCall", "verifyRequestV2Call"),
                calls("io.connect8x8.generated.published.verification.api.VerificationApi"));
        // The default artifact's classes are still there, under their own names.
        assertNotNull(Class.forName("io.connect8x8.generated.sms.api.SmsApi"));
    }

    @Test
    void generatedParametersKeepTheirNames() throws Exception {
        Method call = Class.forName("io.connect8x8.generated.published.verification.api.VerificationApi")
                .getMethod("codeValidationV2Call", String.class, String.class, String.class,
                        Class.forName("io.connect8x8.generated.published.verification.ApiCallback"));

        List<String> names = new ArrayList<>();
        Arrays.stream(call.getParameters()).forEach(parameter -> names.add(parameter.getName()));
        assertEquals(List.of("sessionId", "subAccountId", "code", "_callback"), names);
    }

    private static List<String> calls(String apiClass) throws ClassNotFoundException {
        List<String> calls = new ArrayList<>();
        for (Method method : Class.forName(apiClass).getMethods()) {
            if (method.getName().endsWith("Call")) {
                calls.add(method.getName());
            }
        }
        Collections.sort(calls);
        return calls;
    }

    private static Properties load(URL url) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = url.openStream()) {
            properties.load(in);
        }
        return properties;
    }
}
