package io.connect8x8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.connect8x8.sms.Sms;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, item 3 (proxies): MockWebServer on loopback acts as the HTTP proxy of an http:// base URL, so each
 * request reaches it in absolute form; a 407 challenge is answered once with Basic credentials that appear nowhere
 * else; the JVM's proxy properties are honoured when asked, and ignored by {@link HttpProxy#direct()}.
 */
class ProxyTest {

    private static final String USER = "proxy-user";
    private static final String PASSWORD = "Pr0xy-Pa55word-9d2e";
    /** The API: loopback (http is refused elsewhere), on a port where nothing listens, so only the proxy answers. */
    private static final String TARGET = "http://127.0.0.1:9/";

    private MockWebServer proxy;

    @BeforeEach
    void start() throws Exception {
        proxy = Fixtures.startServer();
    }

    @AfterEach
    void stop() throws Exception {
        proxy.shutdown();
    }

    private HttpProxy theProxy() {
        return HttpProxy.of(proxy.getHostName(), proxy.getPort());
    }

    private RecordedRequest take(MockWebServer server) throws InterruptedException {
        RecordedRequest request = server.takeRequest(30, TimeUnit.SECONDS);
        assertNotNull(request, "no request reached the server");
        return request;
    }

    private static Sms sms() {
        return Sms.builder().to("+6512345678").text("Hi").build();
    }

    @Test
    void requestsGoThroughTheProxyInAbsoluteFormSyncAndAsync() throws Exception {
        try (Connect8x8Client client = Fixtures.client(TARGET).proxy(theProxy()).build()) {
            proxy.enqueue(Fixtures.ok(Fixtures.SMS_OK));
            proxy.enqueue(Fixtures.ok(Fixtures.SMS_OK));
            assertEquals("u-1", client.sms().send(sms()).umid());
            assertEquals("u-1", client.sms().sendAsync(sms()).get(30, TimeUnit.SECONDS).umid());
        }
        for (int i = 0; i < 2; i++) {
            RecordedRequest request = take(proxy);
            assertEquals("POST http://127.0.0.1:9/api/v1/subaccounts/acme.sub_1/messages HTTP/1.1",
                    request.getRequestLine());
            assertNull(request.getHeader("Proxy-Authorization"), "no credentials were configured");
        }
    }

    @Test
    void aChallengeIsAnsweredOnceWithBasicCredentialsAndTheSameBody() throws Exception {
        HttpProxy withCredentials = theProxy().withCredentials(USER, PASSWORD);
        try (Connect8x8Client client = Fixtures.client(TARGET).proxy(withCredentials).build()) {
            proxy.enqueue(new MockResponse().setResponseCode(407)
                    .setHeader("Proxy-Authenticate", "Basic realm=\"corp\""));
            proxy.enqueue(Fixtures.ok(Fixtures.SMS_OK));
            assertEquals("u-1", client.sms().send(sms()).umid());

            RecordedRequest challenged = take(proxy);
            RecordedRequest answered = take(proxy);
            assertNull(challenged.getHeader("Proxy-Authorization"));
            String expected = "Basic " + Base64.getEncoder()
                    .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            assertEquals(expected, answered.getHeader("Proxy-Authorization"));
            assertEquals(challenged.getRequestLine(), answered.getRequestLine());
            assertTrue(answered.getRequestLine().startsWith("POST http://127.0.0.1:9/"));
            assertEquals(JsonParser.parseString(challenged.getBody().readUtf8()),
                    JsonParser.parseString(answered.getBody().readUtf8()), "the body is sent again whole");

            // A second refusal is not answered again: the 407 reaches the caller, without the secrets.
            proxy.enqueue(new MockResponse().setResponseCode(407).setHeader("Proxy-Authenticate", "Basic"));
            proxy.enqueue(new MockResponse().setResponseCode(407).setHeader("Proxy-Authenticate", "Basic"));
            ApiErrorException refused = assertThrows(ApiErrorException.class, () -> client.sms().send(sms()));
            assertEquals(407, refused.httpStatus());
            assertEquals(SendState.REJECTED, refused.sendState());
            assertEquals(4, proxy.getRequestCount());
            for (String shown : new String[] {client.toString(), withCredentials.toString(), refused.getMessage(),
                String.valueOf(refused.rawBody())}) {
                assertFalse(shown.contains(PASSWORD), shown);
                assertFalse(shown.contains(USER), shown);
            }
            assertTrue(client.toString().contains("proxy=HttpProxy{" + proxy.getHostName() + ":" + proxy.getPort()
                    + ", credentials=****}"), client.toString());
        }
    }

    @Test
    void anHttpsRequestAsksTheProxyForATunnelWithTheCredentialsAndNeverShowsItTheKey() throws Exception {
        // What a real 8x8 URL does through a corporate proxy: CONNECT first; the key travels inside the tunnel only.
        HttpProxy withCredentials = theProxy().withCredentials(USER, PASSWORD);
        try (Connect8x8Client client = Fixtures.client("https://sms.example.test/").proxy(withCredentials)
                .retryPolicy(RetryPolicy.builder().maxAttempts(1).build()).build()) {
            proxy.enqueue(new MockResponse().setResponseCode(407).setHeader("Proxy-Authenticate", "Basic"));
            TransportException e = assertThrows(TransportException.class, () -> client.sms().send(sms()));

            RecordedRequest connect = take(proxy);
            assertEquals("CONNECT sms.example.test:443 HTTP/1.1", connect.getRequestLine());
            assertEquals("Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD)
                    .getBytes(StandardCharsets.UTF_8)), connect.getHeader("Proxy-Authorization"));
            assertNull(connect.getHeader("Authorization"), "the proxy never sees the API key");
            assertEquals(0, connect.getBodySize());
            // Refused with the credentials: no second try, nothing of the request was written.
            assertEquals(1, proxy.getRequestCount());
            assertEquals(SendState.NOT_SENT, e.sendState());
            assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
            assertFalse(e.getMessage().contains(USER), e.getMessage());
        }
    }

    @Test
    void theJvmsProxyPropertiesAreHonouredWhenAskedAndIgnoredByDirect() throws Exception {
        MockWebServer target = Fixtures.startServer();
        Map<String, String> saved = new HashMap<>();
        for (String name : new String[] {"http.proxyHost", "http.proxyPort", "http.nonProxyHosts"}) {
            saved.put(name, System.getProperty(name));
        }
        try {
            System.setProperty("http.proxyHost", proxy.getHostName());
            System.setProperty("http.proxyPort", String.valueOf(proxy.getPort()));
            // The JVM bypasses the proxy for loopback unless told otherwise.
            System.setProperty("http.nonProxyHosts", "");
            String url = target.url("/").toString();
            proxy.enqueue(Fixtures.ok(Fixtures.SMS_OK));
            target.enqueue(Fixtures.ok(Fixtures.SMS_OK));
            try (Connect8x8Client system = Fixtures.client(url).proxy(HttpProxy.system()).build();
                 Connect8x8Client direct = Fixtures.client(url).proxy(HttpProxy.direct()).build()) {
                system.sms().send(sms());
                direct.sms().send(sms());
            }
            assertEquals("POST " + url + "api/v1/subaccounts/acme.sub_1/messages HTTP/1.1",
                    take(proxy).getRequestLine());
            assertEquals("POST /api/v1/subaccounts/acme.sub_1/messages HTTP/1.1", take(target).getRequestLine());
            assertEquals(1, proxy.getRequestCount());
            assertEquals(1, target.getRequestCount());
        } finally {
            saved.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
            target.shutdown();
        }
    }

    @Test
    void proxySettingsAreValidated() {
        assertEquals("proxy.host", assertThrows(ValidationException.class, () -> HttpProxy.of(" ", 80)).field());
        assertEquals("proxy.host", assertThrows(ValidationException.class,
                () -> HttpProxy.of("user:" + PASSWORD + "@proxy", 80)).field());
        assertEquals("proxy.port", assertThrows(ValidationException.class, () -> HttpProxy.of("proxy", 0)).field());
        assertEquals("proxy.username", assertThrows(ValidationException.class,
                () -> HttpProxy.of("proxy", 80).withCredentials("a:b", PASSWORD)).field());
        assertEquals("proxy", assertThrows(ValidationException.class,
                () -> HttpProxy.direct().withCredentials(USER, PASSWORD)).field());
        assertEquals("HttpProxy{system, credentials=****}",
                HttpProxy.system().withCredentials(USER, PASSWORD).toString());
    }
}
