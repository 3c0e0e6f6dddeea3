package io.connect8x8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.api.OperationCall;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.ChatResult;
import io.connect8x8.chatapps.Template;
import io.connect8x8.sms.Sms;
import io.connect8x8.sms.SmsResult;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.TlsVersion;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 5, items 3 and 4: the key appears only in the Authorization header, never in a toString, a preview, an
 * exception message or a log line (slf4j-simple logs {@code io.connect8x8} at debug to System.err, which is
 * captured); phone numbers are masked; the client's own connections refuse TLS below 1.2.
 */
class SecretsAndLoggingTest {

    private MockWebServer server;
    private Connect8x8Client client;
    private StderrCapture log;

    @BeforeEach
    void start() throws Exception {
        server = Fixtures.startServer();
        client = Fixtures.client(server).build();
        log = StderrCapture.start();
    }

    @AfterEach
    void stop() throws Exception {
        log.close();
        client.close();
        server.shutdown();
    }

    private String captured() {
        return log.text();
    }

    @Test
    void keyIsRedactedInTheClientTheKeyAndPreviews() {
        assertFalse(client.toString().contains(Fixtures.KEY), client.toString());
        assertTrue(client.toString().contains("apiKey=ApiKey[redacted]"), client.toString());
        assertEquals("ApiKey[redacted]", ApiKey.of(Fixtures.KEY).toString());
        RequestPreview preview = client.sms().preview(Sms.builder().to("+6512345678").text("Hi").build());
        assertEquals("Bearer ****", preview.headers().get("Authorization"));
        assertFalse(preview.toJson(true).contains(Fixtures.KEY));
        assertFalse(preview.headers().toString().contains(Fixtures.KEY));
    }

    @Test
    void keyIsNeitherInAnyExceptionNorInTheDebugLog() {
        server.enqueue(Fixtures.json(400, Fixtures.errorBody(1002, "Invalid MSISDN")));
        server.enqueue(Fixtures.json(401, Fixtures.errorBody(1200, "Request was not authenticated properly")));
        server.enqueue(Fixtures.json(403, Fixtures.errorBody(1201, "Account was not found in SG. Please use the ID "
                + "endpoint!")));
        server.enqueue(Fixtures.json(404, Fixtures.errorBody(1300, "Not found")));
        server.enqueue(Fixtures.json(429, Fixtures.errorBody(429, "Quota exceeded")).setHeader("Retry-After", "1"));
        server.enqueue(Fixtures.json(500, Fixtures.errorBody(2000, "Internal error")));
        server.enqueue(Fixtures.ok("not json"));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        List<Connect8x8Exception> failures = new ArrayList<>();
        RequestOptions once = RequestOptions.builder().retryPolicy(RetryPolicy.NONE).build();
        for (int i = 0; i < 8; i++) {
            failures.add(assertThrows(Connect8x8Exception.class, () -> client.sms().send(
                    Sms.builder().to("+6512345678").text("Hi").build(), once)));
        }
        failures.add(assertThrows(ValidationException.class, () -> Connect8x8Client.builder()
                .apiKey(Fixtures.KEY + " tail").build()));

        assertEquals(8, server.getRequestCount());
        for (Connect8x8Exception e : failures) {
            assertFalse(String.valueOf(e).contains(Fixtures.KEY), e.toString());
            assertFalse(String.valueOf(e).contains("12345678"), e.toString());
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                assertFalse(String.valueOf(cause).contains(Fixtures.KEY), cause.toString());
            }
        }
        String logged = captured();
        assertTrue(logged.contains("DEBUG io.connect8x8.http"), logged);
        assertTrue(logged.contains("+65******78"), logged);
        assertFalse(logged.contains(Fixtures.KEY), logged);
        assertFalse(logged.contains("+6512345678"), logged);
    }

    @Test
    void phoneNumbersAreMaskedInMessagesResultsAndLogs() {
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
        server.enqueue(Fixtures.ok(Fixtures.CHAT_OK));
        Sms sms = Sms.builder().to("+6512345678").text("Your code is 482913").build();
        ChatMessage otp = ChatMessage.builder().to("+6512345678")
                .template(Template.authentication("otp_login", "en_US", "482913")).build();

        SmsResult smsResult = client.sms().send(sms);
        ChatResult chatResult = client.chatApps().send(otp);

        for (Object value : List.of(sms, otp, smsResult, chatResult)) {
            String text = value.toString();
            assertTrue(text.contains("+65******78"), text);
            assertFalse(text.contains("12345678"), text);
            assertFalse(text.contains("482913"), text);
        }
        assertFalse(captured().contains("12345678"), captured());
        assertFalse(captured().contains("482913"), captured());
    }

    @Test
    void contentLoggingShowsTextButStillMasksNumbersAndKey() {
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
        try (Connect8x8Client verbose = Fixtures.client(server).logMessageContent(true).build()) {
            verbose.sms().send(Sms.builder().to("+6512345678").text("Your code is 482913").build());
        }

        String logged = captured();
        assertTrue(logged.contains("\"destination\":\"+65******78\""), logged);
        assertTrue(logged.contains("\"text\":\"Your code is 482913\""), logged);
        assertFalse(logged.contains("12345678"), logged);
        assertFalse(logged.contains(Fixtures.KEY), logged);
    }

    @Test
    void aQuerysPhoneNumberIsMaskedAndItsCodeOrTokenHiddenInTheDebugLog() throws Exception {
        // A file's download token is in both spec sets; a number's call permission and an OTP's check are in 8x8's.
        OperationCall download = OperationCall.of("messaging-apps:Download-File").param("token", "t-secret-1");
        if (client.api().operation("messaging-apps:Download-File").parameter("filename") != null) {
            download = download.param("filename", "logo.png");
        }
        List<OperationCall> calls = new ArrayList<>(List.of(download));
        if (client.api().has("get-call-permission-status")) {
            calls.add(OperationCall.of("get-call-permission-status").param("channelId", "ch-1")
                    .param("destination", "+6512345678"));
            calls.add(OperationCall.of("code-validation-v2").param("sessionId", "s-1").param("code", "482913"));
        }
        for (OperationCall call : calls) {
            server.enqueue(Fixtures.ok("{}"));
            client.api().call(call);
            assertTrue(server.takeRequest().getRequestUrl().querySize() > 0, "the request has its query");
        }

        String logged = captured();
        assertTrue(logged.contains("?token=****"), logged);
        assertFalse(logged.contains("t-secret-1"), logged);
        if (calls.size() > 1) {
            assertTrue(logged.contains("?destination=%2B65******78 get-call-permission-status"), logged);
            assertTrue(logged.contains("/sessions/s-1?code=**** code-validation-v2"), logged);
        }
        assertFalse(logged.contains("12345678"), logged);
        assertFalse(logged.contains("482913"), logged);
    }

    @Test
    void aDownloadUrlsUserAndPasswordAreHiddenInTheDebugLog() throws Exception {
        // A log export's file URL may carry its credentials as user info, with or without a signed query.
        HttpUrl plain = server.url("/export/1.csv").newBuilder().username("exporter").password("pa55-Secret").build();
        HttpUrl signed = plain.newBuilder().encodedPath("/export/2.csv").addQueryParameter("X-Sig", "s-1").build();
        for (HttpUrl url : List.of(plain, signed)) {
            server.enqueue(new MockResponse().setBody("a,b\n"));
            try (InputStream in = client.api().download(url.toString(), RequestOptions.DEFAULT)) {
                assertEquals("a,b\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }

        String logged = captured();
        String shown = "GET http://****@" + plain.host() + ":" + plain.port();
        assertTrue(logged.contains(shown + "/export/1.csv download attempt 1: HTTP 200, body streamed"), logged);
        assertTrue(logged.contains(shown + "/export/2.csv?<signature hidden> download attempt 1: HTTP 200"), logged);
        assertFalse(logged.contains("pa55-Secret"), logged);
        assertFalse(logged.contains("exporter"), logged);
    }

    @Test
    void contentLoggingMasksTheNumberALogExportFiltersOn() {
        if (!client.api().has("start-log-export-job")) {
            return; // Only 8x8's complete SMS document has the log export.
        }
        server.enqueue(Fixtures.ok("{\"jobId\":\"j-1\"}"));
        try (Connect8x8Client verbose = Fixtures.client(server).logMessageContent(true).build()) {
            verbose.api().call(OperationCall.of("start-log-export-job").body("{\"from\":\"2026-03-01T00:00:00Z\","
                    + "\"to\":\"2026-03-02T00:00:00Z\",\"phoneNumber\":\"+6512345678\"}"));
        }

        String logged = captured();
        assertTrue(logged.contains("\"phoneNumber\":\"+65******78\""), logged);
        assertFalse(logged.contains("12345678"), logged);
    }

    @Test
    void contentLoggingHidesTheCredentialsOfAWebhook() {
        if (!client.api().has("Add-Webhooks-2")) {
            return; // Only 8x8's complete documents configure webhooks.
        }
        server.enqueue(Fixtures.ok("{}"));
        try (Connect8x8Client verbose = Fixtures.client(server).accountId("0f7b8bb1-7f2d-4a5a-9a3e-1c2d3e4f5a6b")
                .logMessageContent(true).build()) {
            verbose.api().call(OperationCall.of("Add-Webhooks-2").body("""
                    [{"subAccountId": "*", "url": "https://example.com/hook",
                      "httpAuthorization": "Bearer wh-secret-1",
                      "oauth": {"url": "https://auth.example.com/t", "clientId": "client-1",
                                "clientSecret": "oauth-secret-2", "credentialsLocation": "header"}}]"""));
        }

        String logged = captured();
        assertTrue(logged.contains("\"httpAuthorization\":\"****\""), logged);
        assertTrue(logged.contains("\"clientId\":\"client-1\",\"clientSecret\":\"****\""), logged);
        assertFalse(logged.contains("wh-secret-1"), logged);
        assertFalse(logged.contains("oauth-secret-2"), logged);
    }

    @Test
    void redactionKeepsCountryCodeAndLastTwoDigits() {
        assertEquals("+65******78", Masking.maskPhone("+6512345678"));
        assertEquals("+1********99", Masking.maskPhone("+1 (415) 555-0199"));
        assertEquals("+44********56", Masking.maskPhone("00447700123456".substring(2)));
        assertEquals("****", Masking.maskPhone("1234"));
        assertEquals("<19 chars>", Masking.describeText("Your code is 482913"));
        assertEquals(null, Masking.maskPhone(null));
    }

    @Test
    void ownConnectionsAllowOnlyTls12And13() {
        OkHttpClient http = client.generated().sms().getApiClient().getHttpClient();

        for (ConnectionSpec spec : http.connectionSpecs()) {
            if (spec.isTls()) {
                assertEquals(List.of(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2), spec.tlsVersions());
            }
        }
        assertTrue(http.connectionSpecs().stream().anyMatch(ConnectionSpec::isTls));
    }

    @Test
    void sharedHttpClientAlsoGetsTheTlsFloor() {
        OkHttpClient lax = new OkHttpClient.Builder()
                .connectionSpecs(List.of(ConnectionSpec.COMPATIBLE_TLS, ConnectionSpec.CLEARTEXT)).build();
        try (Connect8x8Client shared = Fixtures.client(server).httpClient(lax).build()) {
            OkHttpClient http = shared.generated().messaging().getApiClient().getHttpClient();
            for (ConnectionSpec spec : http.connectionSpecs()) {
                if (spec.isTls()) {
                    assertFalse(spec.tlsVersions().contains(TlsVersion.TLS_1_0), spec.toString());
                    assertFalse(spec.tlsVersions().contains(TlsVersion.TLS_1_1), spec.toString());
                }
            }
        }
        assertEquals(List.of(ConnectionSpec.COMPATIBLE_TLS, ConnectionSpec.CLEARTEXT), lax.connectionSpecs());
    }
}
