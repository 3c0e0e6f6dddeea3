package io.connect8x8.spectools;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The operations of one prepared document, as the facade's generic path lists, checks and binds them, written next
 * to the document ({@code <key>.operations.json}): the build resolves the document's references once, and the facade
 * reads a short list at its first call instead of the whole document.
 *
 * <p>An array, one object per operation: {@code operationId}, {@code method} (upper case), {@code path},
 * {@code parameters} (each {@code name}, {@code in}, {@code required}, {@code type}, {@code description}, and
 * {@code constraints} when its schema has a {@code pattern}, {@code minLength}, {@code maxLength}, {@code minimum} or
 * {@code maximum}; a multipart or form body's fields are {@code in: form}, a binary one of {@code type: file}),
 * {@code bodyContentType} (absent without a body), {@code bodyRequired}, {@code summary} and {@code redirects} (a GET
 * answered with a 3xx: a download the facade follows).
 */
final class OperationIndex {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    /** A reference chain longer than this is a cycle. */
    private static final int MAX_DEPTH = 20;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The keywords of a parameter's schema the index carries, for a check before any I/O. */
    private static final List<String> CONSTRAINTS = List.of("pattern", "minLength", "maxLength", "minimum", "maximum");

    private OperationIndex() {
    }

    /** The document's operations, in the order of its paths and of {@link #METHODS}. */
    static ArrayNode of(JsonNode doc) {
        ArrayNode list = NODES.arrayNode();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode item = resolve(doc, path.getValue());
            for (String method : METHODS) {
                JsonNode op = resolve(doc, item.path(method));
                if (op.path("operationId").isTextual()) {
                    list.add(operation(doc, item, op, method, path.getKey()));
                }
            }
        }
        return list;
    }

    private static ObjectNode operation(JsonNode doc, JsonNode item, JsonNode op, String method, String path) {
        Map<String, ObjectNode> params = new LinkedHashMap<>();
        addParameters(doc, item.path("parameters"), params);
        addParameters(doc, op.path("parameters"), params);
        JsonNode body = resolve(doc, op.path("requestBody"));
        Iterator<String> types = body.path("content").fieldNames();
        String contentType = types.hasNext() ? types.next() : null;
        if (contentType != null && contentType.matches("multipart/.*|application/x-www-form-urlencoded.*")) {
            addFormFields(doc, resolve(doc, body.path("content").path(contentType).path("schema")), params);
        }
        boolean redirects = false;
        for (Iterator<String> statuses = op.path("responses").fieldNames(); statuses.hasNext(); ) {
            redirects |= statuses.next().startsWith("3") && "get".equals(method);
        }
        ObjectNode o = NODES.objectNode().put("operationId", op.path("operationId").asText())
                .put("method", method.toUpperCase(Locale.ROOT)).put("path", path);
        o.putArray("parameters").addAll(params.values());
        if (contentType != null) {
            o.put("bodyContentType", contentType);
        }
        return o.put("bodyRequired", body.path("required").asBoolean(false))
                .put("summary", op.path("summary").asText("")).put("redirects", redirects);
    }

    private static void addParameters(JsonNode doc, JsonNode parameters, Map<String, ObjectNode> into) {
        for (JsonNode e : parameters.isArray() ? parameters : NODES.arrayNode()) {
            JsonNode p = resolve(doc, e);
            String in = p.path("in").asText(null);
            String name = p.path("name").asText(null);
            if (name != null && in != null) {
                boolean required = "path".equals(in) || p.path("required").asBoolean(false);
                into.put(in + ":" + name, parameter(name, in, required, resolve(doc, p.path("schema")),
                        p.path("description").asText(null)));
            }
        }
    }

    private static void addFormFields(JsonNode doc, JsonNode schema, Map<String, ObjectNode> into) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(n -> required.add(n.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode s = resolve(doc, field.getValue());
            into.put("form:" + field.getKey(), parameter(field.getKey(), "form", required.contains(field.getKey()), s,
                    s.path("description").asText(null)));
        }
    }

    /** A parameter, with the constraints of its schema the generated code does not check and the facade does. */
    private static ObjectNode parameter(String name, String in, boolean required, JsonNode schema, String description) {
        String type = "form".equals(in) && "binary".equals(schema.path("format").asText()) ? "file" : type(schema);
        ObjectNode o = NODES.objectNode().put("name", name).put("in", in).put("required", required).put("type", type)
                .put("description", firstSentence(description));
        ObjectNode constraints = NODES.objectNode();
        for (String key : CONSTRAINTS) {
            if (schema.has(key)) {
                constraints.set(key, schema.get(key));
            }
        }
        return constraints.isEmpty() ? o : o.set("constraints", constraints);
    }

    /** The schema's type; OpenAPI 3.1's {@code ["string", "null"]} is {@code string}; {@code string} for none. */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        for (JsonNode t : type.isArray() ? type : NODES.arrayNode()) {
            if (!"null".equals(t.asText())) {
                return t.asText();
            }
        }
        return type.isTextual() ? type.asText() : "string";
    }

    private static String firstSentence(String text) {
        String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        int end = line.indexOf(". ");
        line = end < 0 ? line : line.substring(0, end + 1);
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }

    /** An object, following a local {@code $ref}; a missing node for anything else. */
    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        JsonNode e = node;
        for (int depth = 0; depth < MAX_DEPTH && e.isObject() && e.path("$ref").isTextual(); depth++) {
            String ref = e.path("$ref").asText();
            e = ref.startsWith("#/") ? doc.at(JsonPointer.compile(URI.create(ref).getFragment()))
                    : MissingNode.getInstance();
        }
        return e.isObject() ? e : MissingNode.getInstance();
    }
}
