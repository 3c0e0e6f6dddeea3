package io.connect8x8.specupdates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonParser;
import io.connect8x8.Connect8x8Client;
import io.connect8x8.api.ApiResult;
import io.connect8x8.api.OperationCall;
import io.connect8x8.api.OperationInfo;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 8: a spec update reaches the wire with no facade change. This module's build prepares and generates
 * 8x8's published SMS document with the changes of {@code specs/updated.set.json} (a new operation with a new model, a
 * new field of a response model, a new enum value) by the same steps as generated-client; its operation index is
 * added here through a class loader of its own, and the facade's generic operation path, which knows nothing of the
 * change, calls it against a loopback MockWebServer.
 */
class SpecUpdateTest {

    private static final String SET = UpdatedIndex.SET;
    private static final String PACKAGE_ROOT = UpdatedIndex.PACKAGE_ROOT;
    private static final String KEY = "test-key-0123456789";

    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void anAddedOperationIsCalledThroughTheGenericPath() throws Exception {
        server.enqueue(ok("{\"umid\":\"u-1\",\"attempts\":[{\"channel\":\"SMS\",\"status\":\"delivered\"}]}"));

        ApiResult result = UpdatedIndex.with(() -> {
            try (Connect8x8Client client = client()) {
                OperationInfo info = client.api().operation("get-sms-delivery-attempts");
                assertEquals("GET", info.method());
                assertEquals("/api/v1/subaccounts/{subAccountId}/messages/{umid}/attempts", info.path());
                assertEquals(SET, info.set());
                return client.api().call(OperationCall.of("get-sms-delivery-attempts").param("umid", "u-1")
                        .param("limit", 5));
            }
        });

        RecordedRequest request = server.takeRequest();
        assertEquals("GET", request.getMethod());
        assertEquals("/api/v1/subaccounts/acme.sub_1/messages/u-1/attempts?limit=5", request.getPath());
        assertEquals("Bearer " + KEY, request.getHeader("Authorization"));
        assertEquals(200, result.status());
        Object model = result.model();
        assertEquals(PACKAGE_ROOT + ".sms.model.DeliveryAttempts", model.getClass().getName());
        assertEquals("u-1", model.getClass().getMethod("getUmid").invoke(model));
        Object attempt = ((List<?>) model.getClass().getMethod("getAttempts").invoke(model)).get(0);
        assertEquals("delivered", attempt.getClass().getMethod("getStatus").invoke(attempt));
        // The facade itself is unchanged: without the changed artifact's index, there is no such call.
        try (Connect8x8Client client = client()) {
            assertFalse(client.api().has("get-sms-delivery-attempts"));
        }
    }

    @Test
    void anAddedResponseFieldAndAnAddedEnumValueReachTheModelAndTheWire() throws Exception {
        server.enqueue(ok("{\"balance\":12.5,\"currency\":\"EUR\",\"creditLimit\":100}"));
        server.enqueue(ok("{\"umid\":\"u-2\",\"destination\":\"+6512345678\",\"encoding\":\"UCS2\","
                + "\"status\":{\"code\":\"QUEUED\",\"description\":\"SMS is accepted and queued for processing\"}}"));
        String body = "{\"destination\":\"+6512345678\",\"text\":\"Hi\",\"encoding\":\"UTF16\"}";

        List<ApiResult> results = UpdatedIndex.with(() -> {
            try (Connect8x8Client client = client()) {
                // Qualified by set and document: with -Dspecs=published the facade's own artifact has both too.
                return List.of(client.api().call(OperationCall.of(SET + ":sms:get-account-balance")),
                        client.api().call(OperationCall.of(SET + ":sms:Send-Sms-Single").body(body)));
            }
        });

        assertEquals("/api/v1/accounts/" + VersionScenario.ACCOUNT + "/balance", server.takeRequest().getPath());
        Object balance = results.get(0).model();
        assertEquals(PACKAGE_ROOT + ".sms.model.AccountBalance", balance.getClass().getName());
        assertEquals("100", String.valueOf(balance.getClass().getMethod("getCreditLimit").invoke(balance)));
        RecordedRequest send = server.takeRequest();
        assertEquals("/api/v1/subaccounts/acme.sub_1/messages", send.getPath());
        // The body went through the changed model (SmsRequest, its SmsEncoding now with UTF16) to the wire.
        assertEquals(JsonParser.parseString(body), JsonParser.parseString(send.getBody().readUtf8()));
        Class<?> encoding = Class.forName(PACKAGE_ROOT + ".sms.model.SmsEncoding");
        assertEquals("UTF16", String.valueOf(encoding.getMethod("fromValue", String.class).invoke(null, "UTF16")));
    }

    private Connect8x8Client client() {
        String url = server.url("/").toString();
        return Connect8x8Client.builder().apiKey(KEY).subAccountId("acme.sub_1").accountId(VersionScenario.ACCOUNT)
                .smsBaseUrl(url).chatAppsBaseUrl(url).build();
    }

    private static MockResponse ok(String body) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(body);
    }
}
