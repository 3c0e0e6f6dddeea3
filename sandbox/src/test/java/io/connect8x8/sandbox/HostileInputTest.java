package io.connect8x8.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 6: requests HTTP itself cannot frame, or whose target is no path, are answered in 8x8's error
 * envelope (never the server's own page, never silence); where the framing cannot be trusted the connection is
 * closed after the answer, else it serves the next request. Raw sockets on loopback, the table of the README's
 * "Hostile input".
 */
class HostileInputTest {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    private static final String SEND = "POST /sms/api/v1/subaccounts/hostile/messages HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/json\r\n";
    private static final String VALID_BODY = "{\"destination\":\"+6591234567\",\"text\":\"hi\"}";

    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().maxRequestBodyBytes(4096).build().start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** One answer read off the socket: status line, headers (lower-case names), body. */
    private record Answer(String statusLine, Map<String, String> headers, String body) {
        JsonNode json() throws IOException {
            return Http.JSON.readTree(body);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        return new Answer(statusLine, headers, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed inside an answer: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", sandbox.port());
        // A guard against a hung test only: every read below ends with data or the end of the stream.
        socket.setSoTimeout(60_000);
        return socket;
    }

    /** Sends the request, asserts the answer's status line and 8x8's envelope, and returns the answer. */
    private static Answer assertEnvelope(Socket socket, byte[] request, String statusLine, String message)
            throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(request);
        out.flush();
        Answer answer = read(socket.getInputStream());
        assertEquals(statusLine, answer.statusLine(), answer.body());
        assertEquals("application/json", answer.headers().get("content-type"));
        JsonNode envelope = answer.json();
        assertEquals(1000, envelope.path("code").asInt(), answer.body());
        assertTrue(envelope.path("message").asText().startsWith(message), answer.body());
        assertTrue(UUID.matcher(envelope.path("errorId").asText()).matches(), answer.body());
        assertTrue(TIMESTAMP.matcher(envelope.path("timestamp").asText()).matches(), answer.body());
        assertEquals(4, envelope.size(), answer.body());
        return answer;
    }

    /** The framing cannot be trusted: 400 in the envelope, {@code Connection: close}, then the end of the stream. */
    private static void assertRefusedAndClosed(String request, String message) throws IOException {
        assertRefusedAndClosed(request.getBytes(StandardCharsets.ISO_8859_1), message);
    }

    private static void assertRefusedAndClosed(byte[] request, String message) throws IOException {
        try (Socket socket = connect()) {
            Answer answer = assertEnvelope(socket, request, "HTTP/1.1 400 Bad Request", message);
            assertEquals("close", answer.headers().get("connection"));
            assertEquals(-1, socket.getInputStream().read(), "the connection is closed after the answer");
        }
    }

    /** The framing is sound: 400 in the envelope, and the same connection answers a valid request next. */
    private static void assertRefusedAndKeptOpen(String method, String target) throws IOException {
        try (Socket socket = connect()) {
            String request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
            Answer answer = assertEnvelope(socket, request.getBytes(StandardCharsets.ISO_8859_1),
                    "HTTP/1.1 400 Bad Request", "Invalid request");
            assertEquals(null, answer.headers().get("connection"));
            socket.getOutputStream().write("GET /__admin/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            assertEquals("HTTP/1.1 200 OK", read(socket.getInputStream()).statusLine());
        }
    }

    private static String send(String headers, String body) {
        return SEND + "Authorization: Bearer " + sandbox.apiKey() + "\r\n" + headers + "\r\n" + body;
    }

    @Test
    void negativeContentLengthIs400AndCloses() throws IOException {
        assertRefusedAndClosed(send("Content-Length: -1\r\n", VALID_BODY), "Malformed HTTP request");
    }

    @Test
    void nonNumericContentLengthIs400AndCloses() throws IOException {
        assertRefusedAndClosed(send("Content-Length: 4x\r\n", VALID_BODY), "Malformed HTTP request");
    }

    @Test
    void conflictingContentLengthsAre400AndClose() throws IOException {
        assertRefusedAndClosed(send("Content-Length: 41\r\nContent-Length: 12\r\n", VALID_BODY),
                "Malformed HTTP request");
    }

    @Test
    void chunkedWithContentLengthIs400AndCloses() throws IOException {
        String chunked = Integer.toHexString(VALID_BODY.length()) + "\r\n" + VALID_BODY + "\r\n0\r\n\r\n";
        assertRefusedAndClosed(send("Transfer-Encoding: chunked\r\nContent-Length: 41\r\n", chunked),
                "Malformed HTTP request");
    }

    @Test
    void aBadChunkSizeIs400AndCloses() throws IOException {
        assertRefusedAndClosed(send("Transfer-Encoding: chunked\r\n", "zz\r\n" + VALID_BODY + "\r\n0\r\n\r\n"),
                "Malformed HTTP request");
    }

    @Test
    void aHeaderWithoutAColonIs400AndCloses() throws IOException {
        assertRefusedAndClosed(send("X-No-Colon\r\nContent-Length: 41\r\n", VALID_BODY), "Malformed HTTP request");
    }

    @Test
    void aOneMegabyteHeaderIs400AndCloses() throws IOException {
        assertRefusedAndClosed(send("X-Big: " + "a".repeat(1024 * 1024) + "\r\nContent-Length: 41\r\n", VALID_BODY),
                "Request header fields too large");
    }

    @Test
    void tenThousandHeadersAre400AndClose() throws IOException {
        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            headers.append("X-H").append(i).append(": v\r\n");
        }
        assertRefusedAndClosed(send(headers + "Content-Length: 41\r\n", VALID_BODY),
                "Request header fields too large");
    }

    @Test
    void anOverlongRequestLineIs400AndCloses() throws IOException {
        assertRefusedAndClosed("GET /" + "a".repeat(64 * 1024) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                "Request line too long");
    }

    @Test
    void aLonePercentInThePathIs400() throws IOException {
        assertRefusedAndKeptOpen("GET", "/sms/%");
        assertRefusedAndKeptOpen("POST", "/sms/api/v1/subaccounts/%/messages");
    }

    @Test
    void aBrokenPercentEscapeInThePathIs400() throws IOException {
        assertRefusedAndKeptOpen("GET", "/sms/a%zz");
        // Escapes of bytes that are not UTF-8 (an overlong "/").
        assertRefusedAndKeptOpen("GET", "/sms/%C0%AF");
        // The same bytes sent raw, unescaped (the request line is written as ISO-8859-1: one char per byte).
        assertRefusedAndKeptOpen("GET", "/sms/\u00c0\u00af");
    }

    @Test
    void anAsteriskAsTheTargetIs400() throws IOException {
        assertRefusedAndKeptOpen("OPTIONS", "*");
        assertRefusedAndKeptOpen("GET", "*");
    }

    @Test
    void aBodyOverTheLimitIs413AndCloses() throws IOException {
        try (Socket socket = connect()) {
            String body = "{\"destination\":\"+6591234567\",\"text\":\"" + "x".repeat(8192) + "\"}";
            Answer answer = assertEnvelope(socket, send("Content-Length: " + body.length() + "\r\n", body)
                    .getBytes(StandardCharsets.US_ASCII), "HTTP/1.1 413 Request Entity Too Large",
                    "Request body too large");
            assertEquals("close", answer.headers().get("connection"));
            assertEquals(-1, socket.getInputStream().read());
        }
    }

    @Test
    void nothingRefusedIsRecordedAndAValidSendStillWorks() throws IOException {
        long before = sandbox.acceptedMessages();
        assertRefusedAndClosed(send("Content-Length: -1\r\n", VALID_BODY), "Malformed HTTP request");
        assertEquals(before, sandbox.acceptedMessages());
        try (Socket socket = connect()) {
            socket.getOutputStream().write(send("Content-Length: " + VALID_BODY.length() + "\r\n", VALID_BODY)
                    .getBytes(StandardCharsets.US_ASCII));
            Answer answer = read(socket.getInputStream());
            assertEquals("HTTP/1.1 200 OK", answer.statusLine(), answer.body());
            assertEquals("QUEUED", answer.json().path("status").path("code").asText(), answer.body());
        }
    }
}
