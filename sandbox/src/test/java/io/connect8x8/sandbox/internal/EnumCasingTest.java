package io.connect8x8.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The enum spellings compiled from a document's JSON tree ({@link EnumCasing}) rewrite exactly what a walk of
 * swagger-parser's fully resolved model (the simulator's earlier implementation, kept here as the reference) rewrites:
 * for both sends of every document on the class path, on a body holding every enum of the schema, each in lower and
 * in upper case.
 */
class EnumCasingTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void theJsonTreeWalkRewritesWhatTheResolvedModelWalkRewrites() {
        int enums = 0;
        int rewritten = 0;
        for (Documents.Document document : Documents.shared().all()) {
            for (String path : List.of(SpecValidator.SINGLE, SpecValidator.BATCH)) {
                var item = document.api.getPaths() == null ? null : document.api.getPaths().get(path);
                if (item == null || item.getPost() == null || item.getPost().getRequestBody() == null
                        || item.getPost().getRequestBody().getContent().get("application/json") == null) {
                    continue;
                }
                Schema<?> resolved = item.getPost().getRequestBody().getContent().get("application/json").getSchema();
                EnumCasing compiled = EnumCasing.compile(document.tree, JsonRefs.postBodySchema(document.tree, path));
                for (boolean upper : List.of(false, true)) {
                    JsonNode body = sample(resolved, upper, 0);
                    enums += count(body);
                    JsonNode expected = body.deepCopy();
                    reference(expected, resolved);
                    JsonNode actual = body.deepCopy();
                    compiled.normalise(actual);
                    assertEquals(expected, actual, document.resource + " " + path);
                    rewritten += expected.equals(body) ? 0 : 1;
                }
            }
        }
        assertTrue(enums > 10, "enum values tried: " + enums);
        // The re-cased samples were rewritten (the comparison above is not of two untouched copies).
        assertTrue(rewritten > 0, "samples the reference walk rewrote: " + rewritten);
    }

    /** A body with every declared property: enums as their first value re-cased, other strings "x". */
    private static JsonNode sample(Schema<?> schema, boolean upper, int depth) {
        if (schema == null || depth > 12) {
            return NODES.textNode("x");
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty() && schema.getEnum().get(0) instanceof String value) {
            return NODES.textNode(upper ? value.toUpperCase(Locale.ROOT) : value.toLowerCase(Locale.ROOT));
        }
        if (schema.getItems() != null) {
            ArrayNode array = NODES.arrayNode();
            array.add(sample(schema.getItems(), upper, depth + 1));
            array.add(sample(schema.getItems(), !upper, depth + 1));
            return array;
        }
        if (schema.getProperties() != null) {
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
                object.set(property.getKey(), sample(property.getValue(), upper, depth + 1));
            }
            return object;
        }
        return NODES.textNode("x");
    }

    private static int count(JsonNode node) {
        int count = node.isTextual() && !"x".equals(node.textValue()) ? 1 : 0;
        for (JsonNode child : node) {
            count += count(child);
        }
        return count;
    }

    /** The earlier implementation: a walk of swagger-parser's resolved schema on every request. */
    private static void reference(JsonNode node, Schema<?> schema) {
        if (schema == null || node == null) {
            return;
        }
        if (node instanceof ObjectNode object && schema.getProperties() != null) {
            for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
                JsonNode child = object.get(property.getKey());
                JsonNode fixed = fix(child, property.getValue());
                if (fixed != child) {
                    object.set(property.getKey(), fixed);
                } else {
                    reference(child, property.getValue());
                }
            }
        } else if (node instanceof ArrayNode array && schema.getItems() != null) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = array.get(i);
                JsonNode fixed = fix(child, schema.getItems());
                if (fixed != child) {
                    array.set(i, fixed);
                } else {
                    reference(child, schema.getItems());
                }
            }
        }
    }

    private static JsonNode fix(JsonNode value, Schema<?> schema) {
        List<?> values = schema.getEnum();
        if (value == null || !value.isTextual() || values == null) {
            return value;
        }
        String text = value.textValue();
        for (Object candidate : values) {
            if (candidate instanceof String canonical && canonical.equalsIgnoreCase(text)) {
                return canonical.equals(text) ? value : TextNode.valueOf(canonical);
            }
        }
        return value;
    }
}
