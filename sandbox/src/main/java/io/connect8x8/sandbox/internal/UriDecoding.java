package io.connect8x8.sandbox.internal;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simulator's one reading of percent escapes: a request's path (and a {@code $ref}'s JSON pointer, written the
 * same way) and its query string.
 */
final class UriDecoding {

    private UriDecoding() {
    }

    /**
     * Decodes a path the decoder read as ISO-8859-1 (one char per byte as sent): its percent escapes and any raw bytes
     * as UTF-8; null for a broken escape or bytes that are not UTF-8.
     */
    static String path(String raw) {
        if (isPlainAscii(raw)) {
            return raw;
        }
        // The decoder read the request line as ISO-8859-1: each char is one byte as sent.
        ByteBuffer bytes = ByteBuffer.allocate(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.put((byte) (high << 4 | low));
                i += 2;
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** True when nothing in the string needs decoding: no percent escape and no byte above 127 (raw UTF-8). */
    private static boolean isPlainAscii(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' || c > 0x7f) {
                return false;
            }
        }
        return true;
    }

    /**
     * A query string's parameters, decoded; the first of a repeated name wins.
     *
     * @param rawQuery the query as sent, or null
     * @return the parameters by name
     * @throws ApiError 400 code 1000 for a broken percent escape
     */
    static Map<String, String> query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                values.putIfAbsent(name, value);
            }
        } catch (IllegalArgumentException e) {
            // URLDecoder's answer to a broken escape ("%", "%zz"): the client's mistake, not an internal error.
            throw ApiError.badRequest(1000, "Invalid query string: a broken percent escape");
        }
        return values;
    }
}
