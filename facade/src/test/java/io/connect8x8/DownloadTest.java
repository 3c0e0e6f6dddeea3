package io.connect8x8;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code client.api().download(url, options)}: a pre-signed file (a log export's) is fetched on the client's
 * transport without the key, its redirect followed, its body streamed past what the client would buffer, a failure
 * typed and retried as a GET's, and the URL's signature kept out of exceptions and the debug log (slf4j-simple logs
 * {@code io.connect8x8} at debug to System.err, which is captured).
 */
class DownloadTest {

    private static final String SIGNATURE = "5e3c7a9d1b0f-signed";
    private static final String QUERY = "?X-Amz-Expires=3600&X-Amz-Signature=" + SIGNATURE;

    private MockWebServer storage;
    private MockWebServer blobs;
    private Connect8x8Client client;
    private StderrCapture log;

    @BeforeEach
    void start() throws Exception {
        storage = Fixtures.startServer();
        blobs = Fixtures.startServer();
        // The client buffers at most 1 KiB of an answer: a download larger than that must stream.
        client = Fixtures.client("http://127.0.0.1:9/").maxResponseBytes(1024).build();
        log = StderrCapture.start();
    }

    @AfterEach
    void stop() throws Exception {
        log.close();
        client.close();
        storage.shutdown();
        blobs.shutdown();
    }

    private String url(String path) {
        return storage.url(path) + QUERY;
    }

    private static byte[] read(InputStream in) throws Exception {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void theFileStreamsFromItsRedirectWithoutTheKey() throws Exception {
        byte[] content = new byte[256 * 1024];
        new Random(7).nextBytes(content);
        storage.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", blobs.url("/blob/1.csv")));
        blobs.enqueue(new MockResponse().setHeader("Content-Type", "text/csv").setBody(new Buffer().write(content)));

        assertArrayEquals(content, read(client.api().download(url("/export/1.csv"), RequestOptions.DEFAULT)));

        RecordedRequest signed = storage.takeRequest();
        assertEquals("GET /export/1.csv" + QUERY + " HTTP/1.1", signed.getRequestLine());
        assertNull(signed.getHeader("Authorization"));
        assertTrue(signed.getHeader("User-Agent").startsWith("connect8x8"), signed.getHeader("User-Agent"));
        RecordedRequest followed = blobs.takeRequest();
        assertEquals("/blob/1.csv", followed.getPath());
        assertNull(followed.getHeader("Authorization"));
        assertFalse(log.text().contains(SIGNATURE));
    }

    @Test
    void aMissingFileFailsTypedWithoutTheSignatureInTheMessageOrTheLog() {
        storage.enqueue(new MockResponse().setResponseCode(404).setBody("<Error><Code>NoSuchKey</Code></Error>"));

        NotFoundException e = assertThrows(NotFoundException.class,
                () -> client.api().download(url("/export/gone.csv"), RequestOptions.DEFAULT));

        assertEquals(404, e.httpStatus());
        assertEquals(1, e.attempts());
        assertFalse(e.getMessage().contains(SIGNATURE), e.getMessage());
        String captured = log.text();
        assertTrue(captured.contains("/export/gone.csv?<signature hidden> download attempt 1: HTTP 404"), captured);
        assertFalse(captured.contains(SIGNATURE), captured);
    }

    @Test
    void aFailureIsRetriedAsAGetsAndTheListenerHearsTheCall() throws Exception {
        storage.enqueue(new MockResponse().setResponseCode(503));
        storage.enqueue(new MockResponse().setResponseCode(500));
        storage.enqueue(new MockResponse().setBody("clientmessageid\nc-1\n"));
        RecordingListener listener = new RecordingListener();

        byte[] body = read(client.api().download(url("/export/2.csv"),
                RequestOptions.builder().listener(listener).build()));

        assertEquals("clientmessageid\nc-1\n", new String(body, StandardCharsets.UTF_8));
        assertEquals(3, storage.getRequestCount());
        assertEquals(List.of("start sms call 0 sync", "attempt 1 503 written", "retry 1 PT0.125S unavailable",
                "attempt 2 500 written", "retry 2 PT0.25S server_error", "attempt 3 200 written",
                "finish success 200 attempts=3 accepted=0 rejected=0"), listener.events);
        // Nothing listens on port 9: the connection's failure, unretried, says nothing of the query.
        TransportException e = assertThrows(TransportException.class, () -> client.api().download(
                "http://127.0.0.1:9/export/3.csv" + QUERY, RequestOptions.builder().retryPolicy(RetryPolicy.NONE)
                        .build()));
        assertFalse(e.getMessage().contains(SIGNATURE), e.getMessage());
        assertFalse(log.text().contains(SIGNATURE));
    }

    @Test
    void theDownloadGoesThroughTheClientsProxy() throws Exception {
        try (Connect8x8Client proxied = Fixtures.client("http://127.0.0.1:9/")
                .proxy(HttpProxy.of(storage.getHostName(), storage.getPort())).build()) {
            storage.enqueue(new MockResponse().setBody("clientmessageid\n"));
            String file = "http://127.0.0.1:9/export/4.csv" + QUERY;

            assertEquals("clientmessageid\n", new String(read(proxied.api().download(file, RequestOptions.DEFAULT)),
                    StandardCharsets.UTF_8));

            assertEquals("GET " + file + " HTTP/1.1", storage.takeRequest().getRequestLine());
        }
    }

    @Test
    void aUrlThatIsNotHttpIsRefusedWithoutEchoingIt() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> client.api().download("s3://bucket/export.csv" + QUERY, RequestOptions.DEFAULT));
        assertEquals("url", e.field());
        assertFalse(e.getMessage().contains(SIGNATURE), e.getMessage());
        assertEquals(0, storage.getRequestCount());
    }
}
