package io.connect8x8.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 6: a JSON body whose text holds an overlong or a surrogate UTF-8 sequence is refused with 400 in
 * 8x8's error envelope, as any other malformed body; valid multi-byte text is still accepted.
 */
class StrictUtf8RequestTest {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().build().start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** An SMS whose text is {@code x}, then the given bytes, then {@code y}. */
    private static Http.Reply sendTextBytes(byte[] inText) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"destination\":\"6591234567\",\"text\":\"x".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(inText);
        body.writeBytes("y\"}".getBytes(StandardCharsets.UTF_8));
        String url = sandbox.smsBaseUrl() + "/api/v1/subaccounts/acct-utf8/messages";
        return Http.send(new Request.Builder().url(url).post(RequestBody.create(body.toByteArray(), JSON)),
                sandbox.apiKey());
    }

    private static void assertRefusedInTheEnvelope(byte[] bad) {
        Http.Reply reply = sendTextBytes(bad);
        assertEquals(400, reply.status(), reply.text());
        JsonNode envelope = reply.json();
        assertEquals(1000, envelope.path("code").asInt(), reply.text());
        assertTrue(envelope.path("message").asText().contains("not valid UTF-8"), reply.text());
        assertTrue(envelope.path("errorId").isTextual(), reply.text());
        assertTrue(envelope.path("timestamp").isTextual(), reply.text());
    }

    @Test
    void overlongSequencesAreRefused() {
        // "/" in two bytes, and in three; NUL in two (the "modified UTF-8" form).
        assertRefusedInTheEnvelope(new byte[] {(byte) 0xC0, (byte) 0xAF});
        assertRefusedInTheEnvelope(new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF});
        assertRefusedInTheEnvelope(new byte[] {(byte) 0xC0, (byte) 0x80});
    }

    @Test
    void surrogateSequencesAreRefused() {
        // A lone high surrogate U+D800, a lone low one U+DC00, and a CESU-8 pair for U+1F600.
        assertRefusedInTheEnvelope(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        assertRefusedInTheEnvelope(new byte[] {(byte) 0xED, (byte) 0xB0, (byte) 0x80});
        assertRefusedInTheEnvelope(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0xBD, (byte) 0xED, (byte) 0xB8,
            (byte) 0x80});
    }

    @Test
    void nothingRefusedIsRecordedAndValidTextIsAccepted() {
        long before = sandbox.acceptedMessages();
        assertRefusedInTheEnvelope(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});
        assertEquals(before, sandbox.acceptedMessages(), "a refused body records nothing");

        Http.Reply ok = sendTextBytes("ü€😀".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, ok.status(), ok.text());
        assertEquals(before + 1, sandbox.acceptedMessages());
    }
}
