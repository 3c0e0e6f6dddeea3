package io.connect8x8;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.api.ApiResult;
import io.connect8x8.api.OperationCall;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, binary answers: a 2xx answer whose Content-Type is not JSON or text comes back as bytes; the download
 * operation's 302 is followed, without the key when it leaves the API's host; JSON stays strict UTF-8.
 */
class BinaryResponseTest {

    private static final String DOWNLOAD = "messaging-apps:Download-File";
    /** Not UTF-8: 0xFF never occurs in it, 0xC3 0x28 is a broken sequence. */
    private static final byte[] CONTENT = {(byte) 0x89, 'P', 'N', 'G', 0x00, (byte) 0xFF, (byte) 0xC3, 0x28};

    private MockWebServer api;
    private MockWebServer storage;
    private Connect8x8Client client;

    @BeforeEach
    void start() throws Exception {
        api = Fixtures.startServer();
        storage = Fixtures.startServer();
        client = Fixtures.client(api).build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        api.shutdown();
        storage.shutdown();
    }

    private static MockResponse png() {
        return new MockResponse().setHeader("Content-Type", "image/png").setBody(new Buffer().write(CONTENT));
    }

    private static OperationCall download() {
        return OperationCall.of(DOWNLOAD).param("filename", "logo.png").param("token", "t-1");
    }

    @Test
    void theDownloadFollowsItsRedirectToAnotherHostWithoutTheKey() throws Exception {
        api.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", storage.url("/blob/logo.png")));
        storage.enqueue(png());

        ApiResult result = client.api().call(download());

        assertEquals(200, result.status());
        assertArrayEquals(CONTENT, result.bytes());
        assertEquals("image/png", result.contentType().orElseThrow());
        assertEquals("", result.body());
        assertTrue(assertThrows(UnexpectedResponseException.class, result::json).getMessage().contains("binary"));
        RecordedRequest first = api.takeRequest();
        assertEquals("/files/logo.png?token=t-1", first.getPath());
        assertEquals("Bearer " + Fixtures.KEY, first.getHeader("Authorization"));
        RecordedRequest followed = storage.takeRequest();
        assertEquals("/blob/logo.png", followed.getPath());
        assertNull(followed.getHeader("Authorization"));
    }

    @Test
    void anAsyncDownloadGivesTheSameBytes() throws Exception {
        api.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", storage.url("/blob/logo.png")));
        storage.enqueue(png());
        assertArrayEquals(CONTENT, client.api().callAsync(download()).get(30, TimeUnit.SECONDS).bytes());
    }

    @Test
    void aBinaryAnswerWithoutRedirectIsBytesToo() {
        api.enqueue(png());
        assertArrayEquals(CONTENT, client.api().call(download()).bytes());
    }

    @Test
    void anOperationThatDeclaresNoRedirectDoesNotFollowOne() {
        api.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", storage.url("/elsewhere")));
        ApiErrorException e = assertThrows(ApiErrorException.class,
                () -> client.api().call(OperationCall.of("sms:get-sms-message-details").param("umid", "u-1")));
        assertEquals(302, e.httpStatus());
        assertEquals(0, storage.getRequestCount());
    }

    @Test
    void aJsonAnswerThatIsNotUtf8IsRefused() {
        Buffer body = new Buffer().writeUtf8("{\"umid\":\"").write(new byte[] {(byte) 0xC3, 0x28}).writeUtf8("\"}");
        api.enqueue(new MockResponse().setHeader("Content-Type", "application/json; charset=utf-8").setBody(body));
        UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
                () -> client.api().call(OperationCall.of("sms:get-sms-message-details").param("umid", "u-1")));
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
        assertEquals(SendState.MAY_HAVE_BEEN_SENT, e.sendState());
    }
}
