package io.connect8x8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.sms.Sms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, item 2: 8x8's error codes as values, reached from every {@link ApiErrorException} over HTTP, open to
 * codes the table does not know, and each constant's comment in step with its number.
 */
class ErrorCodeTest {

    private MockWebServer server;
    private Connect8x8Client client;

    @BeforeEach
    void start() throws Exception {
        server = Fixtures.startServer();
        client = Fixtures.client(server).retryPolicy(RetryPolicy.builder().maxAttempts(1).build()).build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    private ApiErrorException smsFails(int status, String body) {
        server.enqueue(Fixtures.json(status, body));
        return assertThrows(ApiErrorException.class,
                () -> client.sms().send(Sms.builder().to("+6512345678").text("Hi").build()));
    }

    @Test
    void everyDocumentedCodeComesBackAsItsConstantSyncAndAsync() throws Exception {
        Object[][] cases = {
            {400, ErrorCode.INVALID_MSISDN, BadRequestException.class},
            {401, ErrorCode.UNAUTHORIZED, AuthenticationException.class},
            {403, ErrorCode.WRONG_REGION, PermissionDeniedException.class},
            {404, ErrorCode.NOT_FOUND, NotFoundException.class},
            {426, ErrorCode.TLS_1_3_REQUIRED, ApiErrorException.class},
            {429, ErrorCode.QUOTA_EXCEEDED, RateLimitException.class},
            {500, ErrorCode.INTERNAL_ERROR, ServerErrorException.class},
        };
        for (Object[] c : cases) {
            ErrorCode code = (ErrorCode) c[1];
            ApiErrorException e = smsFails((int) c[0], Fixtures.errorBody(code.code(), "failure"));
            assertInstanceOf((Class<?>) c[2], e);
            assertSame(code, e.errorCode().orElseThrow(), "a known code is the constant itself");
        }
        server.enqueue(Fixtures.json(400, Fixtures.errorBody(3038, "Template not found")));
        ExecutionException async = assertThrows(ExecutionException.class, () -> client.chatApps()
                .sendAsync(ChatMessage.builder().to("+6512345678").text("Hi").build()).get(30, TimeUnit.SECONDS));
        ApiErrorException e = assertInstanceOf(ApiErrorException.class, async.getCause());
        assertEquals(Optional.of(ErrorCode.TEMPLATE_NOT_FOUND), e.errorCode());
        assertEquals(3038, e.error().code());
    }

    @Test
    void anUnknownCodeStillYieldsAValueWithItsNumber() {
        ErrorCode unknown = smsFails(400, Fixtures.errorBody(4242, "something new")).errorCode().orElseThrow();

        assertEquals(4242, unknown.code());
        assertFalse(unknown.isKnown());
        assertEquals("unknown", unknown.description());
        assertEquals("4242 (unknown)", unknown.toString());
        assertEquals(ErrorCode.of(4242), unknown, "values are equal by number");
        assertEquals(ErrorCode.of(4242).hashCode(), unknown.hashCode());
        assertNotEquals(ErrorCode.INVALID_MSISDN, unknown);
    }

    @Test
    void aBodyWithoutTheEnvelopeHasNoCode() {
        server.enqueue(new MockResponse().setResponseCode(502).setBody("<html>Bad gateway</html>"));
        ApiErrorException e = assertThrows(ApiErrorException.class,
                () -> client.sms().send(Sms.builder().to("+6512345678").text("Hi").build()));
        assertEquals(Optional.empty(), e.errorCode());
        assertEquals(502, e.httpStatus());
    }

    @Test
    void theTableKnowsTheCodesOf8x8sDocumentsAndCodesThatShareAMeaning() {
        for (int code : new int[] {1000, 1001, 1002, 1003, 1004, 1005, 1006, 1009, 1010, 1011, 1014, 1200, 1201,
            1300, 429, 2000, 3001, 3013, 3025, 3026, 3032, 3037, 3053}) {
            assertTrue(ErrorCode.of(code).isKnown(), String.valueOf(code));
        }
        assertEquals(ErrorCode.FALLBACK_STATUS_INVALID.description(), ErrorCode.of(3026).description());
        assertEquals("1002 (the destination is not a valid phone number)", ErrorCode.INVALID_MSISDN.toString());
        assertTrue(ErrorCode.INVALID_PARAMETER.compareTo(ErrorCode.INVALID_MSISDN) < 0);
    }

    @Test
    void eachConstantsCommentNamesItsOwnNumber() throws Exception {
        String source = Files.readString(Path.of("src/main/java/io/connect8x8/ErrorCode.java"));
        Matcher constant = Pattern.compile(
                "/\\*\\* (\\d+), HTTP [\\d/]+\\. \\*/\\s+public static final ErrorCode (\\w+)").matcher(source);
        int count = 0;
        while (constant.find()) {
            ErrorCode value = (ErrorCode) ErrorCode.class.getField(constant.group(2)).get(null);
            assertEquals(Integer.parseInt(constant.group(1)), value.code(), constant.group(2));
            count++;
        }
        assertEquals(ErrorCode.knownCodes().size() - 4, count, "every known code but the 4 shared meanings");
    }
}
