package io.connect8x8.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Throws bad bodies at {@link ReceiptReceiver#handle}: random bytes, mutated and truncated samples, deep nesting,
 * bodies over the limit (declared or not), invalid UTF-8, bodies trickled a byte a read, streams that fail midway.
 * Bounded in count, seeded ({@code -Dconnect8x8.fuzz.seed=N} replays a run), and guarded by a timeout only so that a
 * hang fails rather than blocks the build. Nothing may escape {@code handle}, every answer is one it documents, and
 * the receiver still accepts a good receipt afterwards.
 */
class ReceiptReceiverFuzzTest {

    private static final int CASES = 600;
    private static final String JSON_CHARS = "{}[]\":,\\0123456789tfn- ";
    private static final int MAX_BODY = 64 * 1024;
    private static final Set<Integer> DOCUMENTED = Set.of(200, 400, 413, 503);
    private static final List<String> SAMPLES = List.of(WebhookSamples.SMS_RECEIPT, WebhookSamples.SMS_INBOUND,
            WebhookSamples.CHAT_APPS_RECEIPT_V9, WebhookSamples.CHAT_APPS_RECEIPT_V8,
            WebhookSamples.CHAT_APPS_INBOUND_TEXT);

    private final ReceiptReceiver receiver = ReceiptReceiver.builder().withoutAuthorization()
            .maxBodyBytes(MAX_BODY).build();

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void nothingEscapesHandleAndEveryAnswerIsDocumented() {
        long seed = Long.getLong("connect8x8.fuzz.seed", 11L);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < CASES; i++) {
            int kind = random.nextInt(8);
            String label = "seed " + seed + ", case " + i + ", kind " + kind;
            ReceiptReceiver.Response response;
            try {
                response = fuzzCase(kind, random);
            } catch (RuntimeException e) {
                throw new AssertionError(label + ": handle() threw", e);
            }
            assertTrue(DOCUMENTED.contains(response.status()), label + ": " + response);
            switch (kind) {
                case 3, 5 -> assertEquals(400, response.status(), label + ": " + response);
                case 4 -> assertEquals(413, response.status(), label + ": " + response);
                case 6 -> assertEquals(200, response.status(), label + ": " + response);
                default -> { }
            }
        }
        assertEquals("accepted", receiver.handle("POST", null, stream(bytes(
                WebhookSamples.chatAppsReceipt("after-fuzz", "sent", null, "2025-05-05T09:00:00Z"))), -1).body());
    }

    private ReceiptReceiver.Response fuzzCase(int kind, SplittableRandom random) {
        byte[] sample = bytes(SAMPLES.get(random.nextInt(SAMPLES.size())));
        return switch (kind) {
            case 0 -> post(randomBytes(random, random.nextInt(2000)), -1);
            case 1 -> post(mutate(sample, random), random.nextBoolean() ? -1 : sample.length);
            case 2 -> post(java.util.Arrays.copyOf(sample, random.nextInt(sample.length)), -1);
            case 3 -> post(deep(random), -1);
            case 4 -> {
                byte[] huge = new byte[MAX_BODY + 1 + random.nextInt(MAX_BODY)];
                java.util.Arrays.fill(huge, (byte) ' ');
                yield post(huge, random.nextBoolean() ? -1 : huge.length);
            }
            case 5 -> post(invalidUtf8(sample, random), -1);
            case 6 -> receiver.handle("POST", null, trickle(bytes(uniqueReceipt(random))), -1);
            default -> receiver.handle("POST", null, failingAfter(sample, random.nextInt(sample.length)), -1);
        };
    }

    private ReceiptReceiver.Response post(byte[] body, long declaredLength) {
        return receiver.handle("POST", null, stream(body), declaredLength);
    }

    private static byte[] randomBytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    /** Flips, deletes or inserts a few bytes: a body that is almost right, which is where parsers break. */
    private static byte[] mutate(byte[] sample, SplittableRandom random) {
        byte[] body = sample.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && body.length > 1; e++) {
            int at = random.nextInt(body.length);
            switch (random.nextInt(3)) {
                case 0 -> body[at] = (byte) JSON_CHARS.charAt(random.nextInt(JSON_CHARS.length()));
                case 1 -> {
                    byte[] shorter = new byte[body.length - 1];
                    System.arraycopy(body, 0, shorter, 0, at);
                    System.arraycopy(body, at + 1, shorter, at, body.length - at - 1);
                    body = shorter;
                }
                default -> body[at] = (byte) random.nextInt(256);
            }
        }
        return body;
    }

    /** Nesting far past any sane document, as arrays or as objects. */
    private static byte[] deep(SplittableRandom random) {
        int depth = 300 + random.nextInt(12_000);
        StringBuilder body = new StringBuilder("{\"namespace\":\"SMS\",\"eventType\":\"x\",\"payload\":");
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        body.append(open.repeat(depth));
        return bytes(body.toString());
    }

    /** A valid sample with a byte sequence that is not UTF-8 inside a string value. */
    private static byte[] invalidUtf8(byte[] sample, SplittableRandom random) {
        String text = new String(sample, StandardCharsets.UTF_8);
        int at = text.indexOf("\"umid\": \"") + 9;
        byte[][] bad = {{(byte) 0xC3, (byte) 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF0, (byte) 0x28, (byte) 0x8C, (byte) 0xBC}, {(byte) 0x80}};
        byte[] insert = bad[random.nextInt(bad.length)];
        byte[] head = bytes(text.substring(0, at));
        byte[] tail = bytes(text.substring(at));
        byte[] body = new byte[head.length + insert.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(insert, 0, body, head.length, insert.length);
        System.arraycopy(tail, 0, body, head.length + insert.length, tail.length);
        return body;
    }

    private static String uniqueReceipt(SplittableRandom random) {
        return WebhookSamples.chatAppsReceipt("fuzz-" + random.nextLong(), "delivered", null, "2025-05-05T09:00:00Z");
    }

    /** A slow sender: one byte a read, however large the buffer offered. */
    private static InputStream trickle(byte[] body) {
        return new InputStream() {
            private int next;

            @Override
            public int read() {
                return next < body.length ? body[next++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (next >= body.length) {
                    return -1;
                }
                buffer[offset] = body[next++];
                return 1;
            }
        };
    }

    /** A connection that drops after {@code limit} bytes, as servlet containers report it: checked or not. */
    private static InputStream failingAfter(byte[] body, int limit) {
        return new InputStream() {
            private int next;

            @Override
            public int read() throws IOException {
                if (next >= limit) {
                    if (limit % 2 == 0) {
                        throw new IOException("connection reset");
                    }
                    throw new UncheckedIOException(new IOException("connection reset"));
                }
                return body[next++] & 0xFF;
            }
        };
    }

    private static InputStream stream(byte[] body) {
        return new ByteArrayInputStream(body);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
