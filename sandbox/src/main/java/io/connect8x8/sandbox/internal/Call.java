package io.connect8x8.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A request to an operation other than the sends, matched and validated: what a state handler reads.
 *
 * @param operation the operation of the document that serves it
 * @param path the path parameters
 * @param query the query parameters (first value of each)
 * @param contentType the request's Content-Type, or null
 * @param body the raw body (empty when none)
 * @param rootUrl the simulator's root URL, for links in answers
 */
record Call(Operation operation, Map<String, String> path, Map<String, String> query, String contentType,
            byte[] body, String rootUrl) {

    /**
     * Returns the body as JSON (the validator has already accepted it).
     *
     * @return the body as JSON
     */
    JsonNode json() {
        return Json.parse(body);
    }

    /**
     * Returns a path parameter.
     *
     * @param name the parameter
     * @return its value, or null
     */
    String param(String name) {
        return path.get(name);
    }
}
