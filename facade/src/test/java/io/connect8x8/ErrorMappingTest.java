package io.connect8x8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.sms.Sms;
import java.time.Duration;
import java.util.Optional;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each error status becomes its exception type, with 8x8's envelope read field by field and the raw body kept. */
class ErrorMappingTest {

    private static final String ERROR_ID = "8b7e2a10-3c4d-4e5f-9a0b-1c2d3e4f5a6b";
    private static final String TIMESTAMP = "2026-03-01T10:00:00.1234567Z";

    private MockWebServer server;
    private Connect8x8Client client;

    @BeforeEach
    void start() throws Exception {
        server = Fixtures.startServer();
        client = Fixtures.client(server).retryPolicy(RetryPolicy.NONE).build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    private <T extends ApiErrorException> T smsFails(Class<T> type, MockResponse response) {
        server.enqueue(response);
        return assertThrows(type, () -> client.sms().send(Sms.builder().to("+6512345678").text("Hi").build()));
    }

    private static void assertEnvelope(ApiErrorException e, int status, int code, String message, String body) {
        assertEquals(status, e.httpStatus());
        assertEquals(code, e.error().code());
        assertEquals(message, e.error().message());
        assertEquals(ERROR_ID, e.error().errorId());
        assertEquals(TIMESTAMP, e.error().timestamp());
        assertEquals(body, e.rawBody());
        assertEquals(1, e.attempts());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "HTTP {0} -> {1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "400, REJECTED", "401, REJECTED", "403, REJECTED", "404, REJECTED", "413, REJECTED", "426, REJECTED",
        "429, NOT_SENT", "503, NOT_SENT", "500, MAY_HAVE_BEEN_SENT", "502, MAY_HAVE_BEEN_SENT",
        "504, MAY_HAVE_BEEN_SENT"})
    void everyStatusAnswersWasItSent(int status, SendState expected) {
        ApiErrorException e = smsFails(ApiErrorException.class,
                Fixtures.json(status, Fixtures.errorBody(1000, "failed")));

        assertEquals(expected, e.sendState());
    }

    @Test
    void badInputAndUnreadableSuccessAnswerWasItSent() {
        ValidationException bad = assertThrows(ValidationException.class,
                () -> client.sms().send(Sms.builder().to("12").text("Hi").build()));
        server.enqueue(Fixtures.json(200, "not json"));
        UnexpectedResponseException unreadable = assertThrows(UnexpectedResponseException.class,
                () -> client.sms().send(Sms.builder().to("+6512345678").text("Hi").build()));

        assertEquals(SendState.NOT_SENT, bad.sendState());
        assertEquals(SendState.MAY_HAVE_BEEN_SENT, unreadable.sendState());
    }

    @Test
    void badRequest1002IsBadRequestException() {
        String body = Fixtures.errorBody(1002, "Invalid MSISDN");
        BadRequestException e = smsFails(BadRequestException.class, Fixtures.json(400, body));

        assertEnvelope(e, 400, 1002, "Invalid MSISDN", body);
        assertEquals("HTTP 400, 8x8 code 1002: Invalid MSISDN (errorId " + ERROR_ID + ")", e.getMessage());
    }

    @Test
    void unauthorized1200IsAuthenticationException() {
        String body = Fixtures.errorBody(1200, "Request was not authenticated properly");
        AuthenticationException e = smsFails(AuthenticationException.class, Fixtures.json(401, body));

        assertEnvelope(e, 401, 1200, "Request was not authenticated properly", body);
    }

    @Test
    void wrongRegion1201NamesTheRegionToUse() {
        String body = Fixtures.errorBody(1201, "Account was not found in SG. Please use the ID endpoint!");
        PermissionDeniedException e = smsFails(PermissionDeniedException.class, Fixtures.json(403, body));

        assertEnvelope(e, 403, 1201, "Account was not found in SG. Please use the ID endpoint!", body);
        assertEquals(Optional.of(Region.INDONESIA), e.regionHint());
        assertTrue(e.getMessage().endsWith("use region id (Indonesia)"), e.getMessage());
    }

    @Test
    void forbiddenWithoutARegionInTheMessageHasNoHint() {
        String body = Fixtures.errorBody(1201, "Access forbidden");
        PermissionDeniedException e = smsFails(PermissionDeniedException.class, Fixtures.json(403, body));

        assertEquals(Optional.empty(), e.regionHint());
    }

    @Test
    void notFound1300IsNotFoundException() {
        String body = Fixtures.errorBody(1300, "Not found");
        NotFoundException e = smsFails(NotFoundException.class, Fixtures.json(404, body));

        assertEnvelope(e, 404, 1300, "Not found", body);
    }

    @Test
    void payloadTooLargeIsThePlainApiErrorException() {
        String body = Fixtures.errorBody(1000, "Request entity too large");
        ApiErrorException e = smsFails(ApiErrorException.class, Fixtures.json(413, body));

        assertSame(ApiErrorException.class, e.getClass());
        assertEnvelope(e, 413, 1000, "Request entity too large", body);
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() {
        String body = Fixtures.errorBody(429, "Quota exceeded. Please try again in 3 second(s).");
        RateLimitException e = smsFails(RateLimitException.class,
                Fixtures.json(429, body).setHeader("Retry-After", "3"));

        assertEnvelope(e, 429, 429, "Quota exceeded. Please try again in 3 second(s).", body);
        assertEquals(Optional.of(Duration.ofSeconds(3)), e.retryAfter());
        assertTrue(e.getMessage().endsWith("; retry after 3 s"), e.getMessage());
    }

    @Test
    void internalError2000IsServerErrorThatMayHaveBeenProcessed() {
        String body = Fixtures.errorBody(2000, "Internal error");
        ServerErrorException e = smsFails(ServerErrorException.class, Fixtures.json(500, body));

        assertEnvelope(e, 500, 2000, "Internal error", body);
        assertTrue(e.mayHaveBeenProcessed());
    }

    @Test
    void badGatewayHtmlPageKeepsTheRawBodyAndHasNoCode() {
        String html = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>"
                + "</center><hr><center>nginx</center></body></html>";
        ServerErrorException e = smsFails(ServerErrorException.class, new MockResponse().setResponseCode(502)
                .setHeader("Content-Type", "text/html").setBody(html));

        assertEquals(502, e.httpStatus());
        assertNull(e.error().code());
        assertNull(e.error().message());
        assertNull(e.error().errorId());
        assertEquals(html, e.rawBody());
        assertEquals(1, e.attempts());
        assertEquals("HTTP 502 with no 8x8 error body", e.getMessage());
    }

    @Test
    void serviceUnavailableIsServerErrorThatWasNotProcessed() {
        String body = Fixtures.errorBody(2000, "Service unavailable");
        ServerErrorException e = smsFails(ServerErrorException.class, Fixtures.json(503, body));

        assertEnvelope(e, 503, 2000, "Service unavailable", body);
        assertFalse(e.mayHaveBeenProcessed());
    }

    @Test
    void chatAppsErrorsMapTheSameWay() {
        String body = Fixtures.errorBody(3003, "Invalid MSISDN");
        server.enqueue(Fixtures.json(400, body));

        BadRequestException e = assertThrows(BadRequestException.class,
                () -> client.chatApps().send(ChatMessage.builder().to("+6512345678").text("Hi").build()));

        assertEnvelope(e, 400, 3003, "Invalid MSISDN", body);
    }
}
