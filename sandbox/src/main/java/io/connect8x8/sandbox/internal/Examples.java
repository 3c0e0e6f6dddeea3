package io.connect8x8.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answer of an operation the simulator keeps no state for: the document's own example of its success response,
 * else a value made from the response's schema (every declared property, enums at their first value, formats
 * honoured), so that the answer conforms to the document either way.
 */
final class Examples {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 8;

    private Examples() {
    }

    /**
     * The success answer of an operation.
     *
     * @param operation the operation
     * @param now the simulator's time, for date-time values
     * @return the first 2xx response: its example or a schema-made body, or no body when it declares none
     */
    static Answer answer(Operation operation, Instant now) {
        Map<String, ApiResponse> responses = new TreeMap<>(operation.model.getResponses() == null
                ? Map.of() : operation.model.getResponses());
        for (Map.Entry<String, ApiResponse> response : responses.entrySet()) {
            if (!response.getKey().startsWith("2")) {
                continue;
            }
            int status = Integer.parseInt(response.getKey());
            MediaType media = json(response.getValue().getContent());
            if (media == null) {
                return Answer.empty(status);
            }
            JsonNode example = example(media);
            return Answer.json(status, example != null ? example : fromSchema(media.getSchema(), now, 0));
        }
        return Answer.empty(200);
    }

    /** The JSON media type of a content map: {@code application/json} first, else the first declared. */
    static MediaType json(Content content) {
        if (content == null || content.isEmpty()) {
            return null;
        }
        MediaType json = content.get("application/json");
        return json != null ? json : content.values().iterator().next();
    }

    private static JsonNode example(MediaType media) {
        Object value = media.getExample();
        if (value == null && media.getExamples() != null && !media.getExamples().isEmpty()) {
            value = media.getExamples().values().iterator().next().getValue();
        }
        if (value == null && media.getSchema() != null) {
            value = media.getSchema().getExample();
        }
        return value == null ? null : toNode(value);
    }

    private static JsonNode toNode(Object value) {
        if (value instanceof String text) {
            String trimmed = text.trim();
            if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
                try {
                    return Json.MAPPER.readTree(trimmed);
                } catch (java.io.IOException e) {
                    return NODES.textNode(text);
                }
            }
        }
        return Json.MAPPER.valueToTree(value);
    }

    /**
     * A value conforming to a schema.
     *
     * @param schema the resolved schema, may be null
     * @param now the time for date-time values
     * @param depth how deep in the tree (recursive schemas stop at {@link #MAX_DEPTH})
     * @return the value
     */
    @SuppressWarnings("rawtypes")
    static JsonNode fromSchema(Schema schema, Instant now, int depth) {
        if (schema == null) {
            return Json.object();
        }
        if (schema.getExample() != null) {
            return toNode(schema.getExample());
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty() && schema.getEnum().get(0) != null) {
            return toNode(schema.getEnum().get(0));
        }
        if (schema.getDefault() != null) {
            return toNode(schema.getDefault());
        }
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            ObjectNode merged = Json.object();
            for (Object part : schema.getAllOf()) {
                JsonNode value = fromSchema((Schema) part, now, depth + 1);
                if (value instanceof ObjectNode object) {
                    merged.setAll(object);
                }
            }
            return merged;
        }
        List<Schema> alternatives = schema.getOneOf() != null && !schema.getOneOf().isEmpty() ? schema.getOneOf()
                : schema.getAnyOf();
        if (alternatives != null && !alternatives.isEmpty()) {
            return fromSchema(alternatives.get(0), now, depth + 1);
        }
        String type = type(schema);
        if ("array".equals(type)) {
            ArrayNode array = NODES.arrayNode();
            if (depth < MAX_DEPTH) {
                array.add(fromSchema(schema.getItems(), now, depth + 1));
            }
            return array;
        }
        if ("object".equals(type) || (type == null && schema.getProperties() != null)) {
            ObjectNode object = Json.object();
            if (schema.getProperties() != null && depth < MAX_DEPTH) {
                ((Map<String, Schema>) schema.getProperties()).forEach((name, property) ->
                        object.set(name, fromSchema(property, now, depth + 1)));
            }
            return object;
        }
        if ("integer".equals(type)) {
            return NODES.numberNode(schema.getMinimum() != null ? schema.getMinimum().longValue() : 0L);
        }
        if ("number".equals(type)) {
            return NODES.numberNode(schema.getMinimum() != null ? schema.getMinimum().doubleValue() : 0.0);
        }
        if ("boolean".equals(type)) {
            return NODES.booleanNode(true);
        }
        return NODES.textNode(text(schema, now));
    }

    private static String text(Schema<?> schema, Instant now) {
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        String text = switch (format) {
            case "date-time" -> Json.timestamp(now);
            case "date" -> Json.timestamp(now).substring(0, 10);
            case "uuid" -> Engine.newId();
            case "uri", "url" -> "https://example.com/";
            case "email" -> "someone@example.com";
            case "phone" -> "+6591234567";
            default -> "string";
        };
        int min = schema.getMinLength() == null ? 0 : schema.getMinLength();
        StringBuilder padded = new StringBuilder(text);
        while (padded.length() < min) {
            padded.append('x');
        }
        if (schema.getMaxLength() != null && padded.length() > schema.getMaxLength()) {
            padded.setLength(schema.getMaxLength());
        }
        return padded.toString();
    }

    /** The schema's type; an OpenAPI 3.1 schema may give a list of types (the first not {@code null} counts). */
    static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null) {
            for (String type : schema.getTypes()) {
                if (!"null".equals(type)) {
                    return type;
                }
            }
        }
        return null;
    }
}
