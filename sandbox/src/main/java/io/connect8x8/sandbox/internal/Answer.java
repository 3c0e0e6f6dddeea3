package io.connect8x8.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * What an operation answers: a status, a JSON body or raw bytes (or nothing), and headers.
 *
 * @param status the HTTP status
 * @param json the JSON body, or null
 * @param raw raw bytes when the body is not JSON, or null
 * @param contentType the Content-Type of {@code raw}
 * @param headers extra headers such as {@code Location}
 */
record Answer(int status, JsonNode json, byte[] raw, String contentType, Map<String, String> headers) {

    static Answer json(int status, JsonNode json) {
        return new Answer(status, json, null, null, Map.of());
    }

    static Answer ok(JsonNode json) {
        return json(200, json);
    }

    static Answer empty(int status) {
        return new Answer(status, null, null, null, Map.of());
    }

    static Answer redirect(String location) {
        return new Answer(302, null, null, null, Map.of("Location", location));
    }

    Answer withHeader(String name, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new Answer(status, json, raw, contentType, Map.copyOf(more));
    }
}
