package io.connect8x8.sandbox.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/**
 * Local {@code $ref}s of an OpenAPI document read as a plain JSON tree: what the sends' fast path ({@link
 * CompiledSchema}, {@link EnumCasing}) uses instead of swagger-parser's resolved model, so that a cold simulator
 * answers its first valid send without loading the parser and validator stack (about a second of CPU).
 */
final class JsonRefs {

    /** More hops than any document has: a longer chain is a loop. */
    private static final int MAX_HOPS = 32;

    private JsonRefs() {
    }

    /**
     * Follows a node's {@code $ref} (and the target's, and so on) to what it points at; a node without one is
     * returned as it is. Siblings of a {@code $ref} are ignored, as OpenAPI 3.0 says.
     *
     * @param document the whole document
     * @param node a schema, request body or other object of it; may be null or missing
     * @return the target, or null when a reference is not local, does not resolve or loops
     */
    static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            if (current == null || current.isMissingNode()) {
                return null;
            }
            JsonNode ref = current.get("$ref");
            if (ref == null) {
                return current;
            }
            current = target(document, ref.isTextual() ? ref.textValue() : null);
        }
        return null;
    }

    /** The node a local reference ({@code #/a/b~1c}, percent escapes allowed) names, or null. */
    private static JsonNode target(JsonNode document, String ref) {
        if (ref == null || !ref.startsWith("#")) {
            return null;
        }
        String pointer = percentDecoded(ref.substring(1));
        if (pointer == null) {
            return null;
        }
        try {
            JsonNode found = document.at(JsonPointer.compile(pointer));
            return found.isMissingNode() ? null : found;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A URI fragment's percent escapes decoded as UTF-8 ({@code %7B} is "{"); null for a broken escape. The fragment's
     * own characters become their UTF-8 bytes, one char each, which is how the request path decoder reads its input.
     */
    private static String percentDecoded(String fragment) {
        return UriDecoding.path(new String(fragment.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    }

    /**
     * The JSON body schema of an operation's {@code POST} (possibly a {@code $ref}), or null when the document
     * declares none.
     *
     * @param document the whole document
     * @param path the path template, e.g. {@code /api/v1/subaccounts/{subAccountId}/messages}
     * @return the schema node as written in the document, or null
     */
    static JsonNode postBodySchema(JsonNode document, String path) {
        JsonNode item = resolve(document, document.path("paths").path(path));
        JsonNode body = item == null ? null : resolve(document, item.path("post").path("requestBody"));
        if (body == null) {
            return null;
        }
        JsonNode schema = body.path("content").path("application/json").path("schema");
        return schema.isMissingNode() ? null : schema;
    }
}
