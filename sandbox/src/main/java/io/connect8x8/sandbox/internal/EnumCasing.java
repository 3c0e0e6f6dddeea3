package io.connect8x8.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * Rewrites enum values to the spelling of the spec before validation, because the live API reads its enums
 * case-insensitively ({@code template} and {@code Template}, {@code url} and {@code Url}) while the spec lists one
 * spelling. The enums are taken from the spec itself, so a new enum in a new document is covered without a table.
 */
final class EnumCasing {

    private EnumCasing() {
    }

    /**
     * Normalises every string value of {@code node} that sits where {@code schema} declares an enum and matches one
     * of its values ignoring case. Other values are left for the validator to reject.
     *
     * @param node the request tree, changed in place
     * @param schema the fully resolved schema of that tree
     */
    static void normalise(JsonNode node, Schema<?> schema) {
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
                    normalise(child, property.getValue());
                }
            }
        } else if (node instanceof ArrayNode array && schema.getItems() != null) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = array.get(i);
                JsonNode fixed = fix(child, schema.getItems());
                if (fixed != child) {
                    array.set(i, fixed);
                } else {
                    normalise(child, schema.getItems());
                }
            }
        }
    }

    /** Returns a canonical text node, or {@code value} itself when nothing changes. */
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
