package io.connect8x8.sandbox.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** JSON reading and writing with limits that turn hostile input into a 400 instead of a stack overflow or a 500. */
public final class Json {

    /** Deep nesting is never needed by either API; 64 levels is far beyond the deepest request (a template). */
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(64)
            .maxNumberLength(64)
            .maxStringLength(8 * 1024 * 1024)
            .build();

    /** The shared, thread-safe mapper. */
    public static final ObjectMapper MAPPER =
            new ObjectMapper(JsonFactory.builder().streamReadConstraints(LIMITS).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    /** Millisecond timestamps with {@code Z}, as in the receipts the facade parses. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Json() {
    }

    /**
     * Parses a request body.
     *
     * @param body the UTF-8 bytes
     * @return the tree, never null
     * @throws ApiError 400 code 1000 for anything that is not well-formed JSON within the limits
     */
    public static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw ApiError.badRequest(1000, "Request body is missing");
        }
        requireUtf8(body);
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw ApiError.badRequest(1000, "Request body is missing");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest(1000, "Malformed JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException | RuntimeException e) {
            if (e instanceof ApiError apiError) {
                throw apiError;
            }
            throw ApiError.badRequest(1000, "Malformed JSON");
        }
    }

    /**
     * Refuses a body that is not valid UTF-8, JSON's only encoding. Jackson decodes UTF-8 without refusing overlong
     * forms ({@code C0 AF} for "/") or encoded surrogates ({@code ED A0 80}), which would reach the message store as
     * text; the JDK's decoder reports both, as the standard requires.
     */
    private static void requireUtf8(byte[] body) {
        if (ascii(body)) {
            // Plain ASCII is valid UTF-8: the usual body, checked without a decoder and its buffers.
            return;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw ApiError.badRequest(1000, "Malformed JSON: the body is not valid UTF-8");
        }
    }

    private static boolean ascii(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns a new empty object node.
     *
     * @return a new empty object node
     */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * Serialises a tree.
     *
     * @param node the tree
     * @return UTF-8 bytes
     */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a tree", e);
        }
    }

    /**
     * Serialises a tree.
     *
     * @param node the tree
     * @return the JSON text
     */
    public static String text(JsonNode node) {
        return new String(bytes(node), StandardCharsets.UTF_8);
    }

    /**
     * The documented error body.
     *
     * @param code the 8x8 code
     * @param message the message
     * @param now the time of the error
     * @return {@code {"code","message","errorId","timestamp"}}
     */
    public static ObjectNode errorBody(int code, String message, Instant now) {
        ObjectNode body = object();
        body.put("code", code);
        body.put("message", message);
        body.put("errorId", Engine.newId());
        body.put("timestamp", timestamp(now));
        return body;
    }

    /**
     * Formats an instant as the API does.
     *
     * @param instant the instant
     * @return e.g. {@code 2026-11-22T01:02:03.123Z}
     */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /**
     * A text field, or null when absent or JSON null.
     *
     * @param node the object
     * @param field the field name
     * @return the text, or null
     * @throws ApiError 400 code 1000 when the field is present but not a string
     */
    public static String optText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiError.badRequest(1000, "Invalid parameter " + field + ": must be a string");
        }
        return value.textValue();
    }
}
