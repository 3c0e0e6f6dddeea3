package io.connect8x8.examples.otp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.spring.AutoConfigureConnect8x8Sandbox;
import io.connect8x8.spring.SandboxServer;
import java.io.IOException;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The example as CI runs it: the whole application on a random port, 8x8 replaced by the simulator. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureConnect8x8Sandbox
class OtpApplicationTest {

    // A generous read timeout: the first request builds the application's lazy parts, which on a loaded CI machine
    // took over OkHttp's default 10 s (a timeout here is a slow machine, not an answer to assert on).
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(120)).build();

    @LocalServerPort
    int port;
    @Autowired
    SandboxServer sandbox;

    private Response call(Request.Builder request, String path) throws IOException {
        return HTTP.newCall(request.url("http://127.0.0.1:" + port + path).build()).execute();
    }

    @Test
    void sendsAWhatsAppOtpAndFollowsItsReceiptsToRead() throws Exception {
        String umid;
        try (Response sent = call(new Request.Builder().post(RequestBody.create(new byte[0])), "/otp?to=%2B6591234567")) {
            assertEquals(200, sent.code());
            umid = sent.body().string().replaceAll(".*\"umid\":\"([^\"]+)\".*", "$1");
        }

        assertTrue(sandbox.sandbox().awaitReceipts(4, Duration.ofSeconds(30)), "4 receipts delivered");
        try (Response state = call(new Request.Builder().get(), "/otp/" + umid)) {
            assertEquals(200, state.code());
            String body = state.body().string();
            assertTrue(body.contains("\"state\":\"read\"") && body.contains("\"umid\":\"" + umid + "\""), body);
        }
        String sentBody = sandbox.sandbox().messages().get(0).request();
        assertTrue(sentBody.contains("your_authentication_template_name"), sentBody);
    }

    @Test
    void answersABadNumberWith400NamingTheField() throws IOException {
        try (Response sent = call(new Request.Builder().post(RequestBody.create(new byte[0])), "/otp?to=12")) {
            assertEquals(400, sent.code());
            String body = sent.body().string();
            assertTrue(body.contains("\"field\":\"user.msisdn\""), body);
        }
    }
}
