package io.connect8x8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.sms.Sms;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 6: a 2xx answer whose body is not valid UTF-8 yields no result (a lenient decoder would give one
 * with a corrupted umid) but an {@link UnexpectedResponseException} that may have been sent, blocking or not.
 */
class StrictUtf8ResponseTest {

    private MockWebServer server;
    private Connect8x8Client client;

    @BeforeEach
    void start() throws Exception {
        server = Fixtures.startServer();
        client = Fixtures.client(server).build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    /** {@link Fixtures#SMS_OK} with the umid's text replaced by {@code bad} bytes. */
    private static MockResponse okWithUmidBytes(byte[] bad) {
        String[] around = Fixtures.SMS_OK.split("u-1", 2);
        Buffer body = new Buffer().writeUtf8(around[0]).write(bad).writeUtf8(around[1]);
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(body);
    }

    private static Sms sms() {
        return Sms.builder().to("+6512345678").text("Hi").build();
    }

    private static void assertRefused(UnexpectedResponseException e) {
        assertEquals(200, e.httpStatus());
        assertEquals(SendState.MAY_HAVE_BEEN_SENT, e.sendState());
        assertEquals(1, e.attempts());
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
    }

    @Test
    void invalidBytesFailTheBlockingSend() {
        // 0xFF never occurs in UTF-8; 0xC3 starts a two-byte sequence that 0x28 does not continue.
        for (byte[] bad : new byte[][] {{(byte) 0xFF, (byte) 0xFE}, {(byte) 0xC3, 0x28}}) {
            server.enqueue(okWithUmidBytes(bad));
            assertRefused(assertThrows(UnexpectedResponseException.class, () -> client.sms().send(sms())));
        }
        assertEquals(2, server.getRequestCount(), "a success status is never retried");
    }

    @Test
    void overlongAndSurrogateSequencesFailTheAsyncSend() {
        // "/" written in two bytes (overlong), and U+D800 written in three (a surrogate has no UTF-8 form).
        for (byte[] bad : new byte[][] {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}}) {
            server.enqueue(okWithUmidBytes(bad));
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> client.sms().sendAsync(sms()).get(30, TimeUnit.SECONDS));
            assertRefused(assertInstanceOf(UnexpectedResponseException.class, e.getCause()));
        }
    }

    @Test
    void validMultiByteTextStillReads() throws Exception {
        server.enqueue(okWithUmidBytes("ü-€-😀".getBytes(StandardCharsets.UTF_8)));
        assertEquals("ü-€-😀", client.sms().send(sms()).umid());
    }
}
