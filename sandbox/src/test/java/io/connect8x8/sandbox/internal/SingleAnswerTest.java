package io.connect8x8.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connect8x8.sandbox.Sandbox;
import io.connect8x8.sandbox.TestNumbers;
import io.connect8x8.sms.SmsEncoding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The single SMS send's answer written without a tree ({@link SingleAnswer}) is byte for byte what Jackson writes
 * for the tree the general path builds ({@link SmsApi#response}), for plain values and for every kind of value it
 * hands back to Jackson; and on the wire the answer's head and body are exactly those of the general path.
 */
class SingleAnswerTest {

    private static final String UMID = "0f6a1c3e-8b1e-4b8e-9f7a-2c5d3e4f5a6b";

    @Test
    void writesTheBytesJacksonWritesForTheTree() {
        List<String> ids = new ArrayList<>(Arrays.asList(null, "", "c-1", "bench", "quote\"d", "back\\slash",
                "tab\there", "line\nbreak", "nul\u0000", "del\u007f", "Grüße", "wave 👋", "</script>", "a/b",
                "x".repeat(300), " spaced ", "{\"json\":1}", "\u001f", "~"));
        List<String> destinations = Arrays.asList("+6591234567", "6591234567", "+", "", null, "+65\"9", "+6591ü");
        for (String id : ids) {
            for (String destination : destinations) {
                for (SmsEncoding value : SmsEncoding.values()) {
                    String encoding = value.name();
                    ObjectNode message = Json.object();
                    if (id != null) {
                        message.put("clientMessageId", id);
                    }
                    assertSame(message, destination, encoding, SmsApi.QUEUED, SmsApi.ACCEPTED);
                }
            }
        }
        // A clientMessageId that is no string is answered null, as the tree answers it.
        ObjectNode numbered = Json.object().put("clientMessageId", 7);
        assertSame(numbered, "+6591234567", "GSM7", SmsApi.QUEUED, SmsApi.ACCEPTED);
        assertSame(Json.object().putNull("clientMessageId"), "+6591234567", "GSM7", "REJECTED", "Bad \"x\"");
    }

    private static void assertSame(JsonNode message, String destination, String encoding, String code,
                                   String description) {
        byte[] general = Json.bytes(SmsApi.response(UMID, message, destination, encoding, code, description));
        String clientMessageId = message.path("clientMessageId").isTextual()
                ? message.get("clientMessageId").textValue() : null;
        byte[] fast = SingleAnswer.bytes(UMID, clientMessageId, TestNumbers.digits(destination), encoding, code,
                description);
        assertArrayEquals(general, fast, () -> new String(general, StandardCharsets.UTF_8) + " <> "
                + new String(fast, StandardCharsets.UTF_8));
    }

    /** Over loopback: the exact head, and the body the general path's tree writes with the answer's own umid. */
    @Test
    void answersOnTheWireAsTheGeneralPath() throws IOException {
        try (Sandbox sandbox = Sandbox.builder().build().start()) {
            URI base = URI.create(sandbox.smsBaseUrl());
            String path = base.getPath() + "/api/v1/subaccounts/acme-sms/messages";
            for (String body : List.of(
                    "{\"destination\":\"+6591234567\",\"text\":\"Hello\",\"clientMessageId\":\"c-1\"}",
                    "{\"destination\":\"6591234567\",\"text\":\"Привет 👋\"}",
                    "{\"destination\":\"+6591234567\",\"text\":\"Hi\",\"clientMessageId\":\"q\\\"uote ü\"}",
                    "{\"destination\":\"+6591234567\",\"text\":\"Hi\",\"encoding\":\"ucs2\"}")) {
                byte[] answer = exchange(base.getHost(), base.getPort(), "HTTP/1.1", "", path, sandbox.apiKey(), body);
                String text = new String(answer, StandardCharsets.ISO_8859_1);
                int split = text.indexOf("\r\n\r\n") + 4;
                byte[] sent = Arrays.copyOfRange(answer, split, answer.length);
                assertEquals("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: " + sent.length
                        + "\r\n\r\n", text.substring(0, split));
                JsonNode tree = Json.MAPPER.readTree(sent);
                JsonNode request = Json.MAPPER.readTree(body);
                byte[] general = Json.bytes(SmsApi.response(tree.get("umid").textValue(), request,
                        request.get("destination").textValue(), tree.get("encoding").textValue(), SmsApi.QUEUED,
                        SmsApi.ACCEPTED));
                assertArrayEquals(general, sent, new String(sent, StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * The connection header of a send's answer is the general path's: HTTP/1.0 with keep-alive says so, HTTP/1.1 with
     * close says close, HTTP/1.0 without keep-alive has none (and the connection closes).
     */
    @Test
    void saysTheConnectionAsTheGeneralPath() throws IOException {
        try (Sandbox sandbox = Sandbox.builder().build().start()) {
            URI base = URI.create(sandbox.smsBaseUrl());
            String path = base.getPath() + "/api/v1/subaccounts/acme-sms/messages";
            String body = "{\"destination\":\"+6591234567\",\"text\":\"Hello\"}";
            assertHead(exchange(base.getHost(), base.getPort(), "HTTP/1.0", "Connection: keep-alive\r\n", path,
                    sandbox.apiKey(), body), "HTTP/1.0 200 OK", "connection: keep-alive\r\n");
            assertHead(exchange(base.getHost(), base.getPort(), "HTTP/1.1", "Connection: close\r\n", path,
                    sandbox.apiKey(), body), "HTTP/1.1 200 OK", "connection: close\r\n");
            assertHead(exchange(base.getHost(), base.getPort(), "HTTP/1.0", "", path, sandbox.apiKey(), body),
                    "HTTP/1.0 200 OK", "");
        }
    }

    private static void assertHead(byte[] answer, String statusLine, String connection) {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int split = text.indexOf("\r\n\r\n") + 4;
        assertEquals(statusLine + "\r\ncontent-type: application/json\r\ncontent-length: " + (answer.length - split)
                + "\r\n" + connection + "\r\n", text.substring(0, split));
    }

    /**
     * One request on its own connection; reads the whole answer (the head says its length).
     *
     * @param version the request line's version
     * @param headers extra header lines, each ending in CRLF
     */
    private static byte[] exchange(String host, int port, String version, String headers, String path, String key,
                                   String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " " + version + "\r\nHost: " + host + "\r\n" + headers
                    + "Content-Type: application/json\r\n"
                    + "Authorization: Bearer " + key + "\r\nContent-Length: " + content.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (true) {
                int read = in.read(buffer);
                if (read < 0) {
                    break;
                }
                answer.write(buffer, 0, read);
                String text = answer.toString(StandardCharsets.ISO_8859_1);
                int head = text.indexOf("\r\n\r\n");
                int length = text.indexOf("content-length: ");
                if (head > 0 && length > 0) {
                    int declared = Integer.parseInt(text.substring(length + 16, text.indexOf("\r\n", length)));
                    if (answer.size() >= head + 4 + declared) {
                        break;
                    }
                }
            }
            return answer.toByteArray();
        }
    }
}
