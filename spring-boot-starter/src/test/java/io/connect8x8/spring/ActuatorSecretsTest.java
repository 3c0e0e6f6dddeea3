package io.connect8x8.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Actuator's /env and /configprops, told to show values, never show the API key or the webhook secret. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = ActuatorSecretsTest.App.class,
        properties = {
            "connect8x8.api-key=sk-live-do-not-show-4711",
            "connect8x8.sub-account-id=acme_visible",
            "connect8x8.webhook.authorization=Bearer hook-do-not-show-0815",
            "management.endpoints.web.exposure.include=env,configprops",
            "management.endpoint.env.show-values=always",
            "management.endpoint.configprops.show-values=always"
        })
class ActuatorSecretsTest {

    @LocalServerPort
    int port;

    private String get(String path) throws IOException {
        try (Response response = new OkHttpClient().newCall(new Request.Builder()
                .url("http://127.0.0.1:" + port + path).build()).execute()) {
            assertEquals(200, response.code(), path);
            return response.body().string();
        }
    }

    @Test
    void envAndConfigpropsMaskTheSecretsButShowTheRest() throws IOException {
        for (String path : new String[] {"/actuator/env", "/actuator/configprops"}) {
            String body = get(path);
            assertFalse(body.contains("sk-live-do-not-show-4711"), path + " shows the key");
            assertFalse(body.contains("hook-do-not-show-0815"), path + " shows the webhook secret");
            assertTrue(body.contains("acme_visible"), path + " shows values at all: " + body.length());
            assertTrue(body.contains("******"), path + " masks");
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }
}
