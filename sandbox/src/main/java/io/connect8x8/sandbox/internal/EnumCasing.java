package io.connect8x8.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites enum values to the spelling of the spec before validation, because the live API reads its enums
 * case-insensitively ({@code template} and {@code Template}, {@code url} and {@code Url}) while the spec lists one
 * spelling. The enums are taken from the spec itself, so a new enum in a new document is covered without a table.
 *
 * <p>Compiled once from the document's JSON tree (its {@code $ref}s followed, an {@code allOf}'s members' properties
 * taken as the object's, as swagger-parser's fully resolved model merges them), keeping only the places that lead to
 * an enum: a request walks just those.
 */
final class EnumCasing {

    /** Deeper than any request schema; a deeper (or looping) schema is cut there. */
    private static final int MAX_DEPTH = 64;
    private static final EnumCasing NONE = new EnumCasing();

    private final Map<String, EnumCasing> properties = new LinkedHashMap<>();
    private EnumCasing items;
    private final List<String> values = new ArrayList<>();
    private boolean useful;

    private EnumCasing() {
    }

    /**
     * Compiles the enums of a schema.
     *
     * @param document the whole document
     * @param schema the schema as written (may be a {@code $ref}), or null
     * @return the compiled walk; one that does nothing when the schema has no enum
     */
    static EnumCasing compile(JsonNode document, JsonNode schema) {
        Map<JsonNode, EnumCasing> built = new IdentityHashMap<>();
        EnumCasing root = build(document, schema, built, 0);
        prune(built.values());
        return root == null || !root.useful ? NONE : root;
    }

    private static EnumCasing build(JsonNode document, JsonNode raw, Map<JsonNode, EnumCasing> built, int depth) {
        JsonNode schema = JsonRefs.resolve(document, raw);
        if (schema == null || !schema.isObject() || depth > MAX_DEPTH) {
            return null;
        }
        EnumCasing done = built.get(schema);
        if (done != null) {
            return done;
        }
        EnumCasing casing = new EnumCasing();
        built.put(schema, casing);
        JsonNode values = schema.get("enum");
        if (values != null && values.isArray()) {
            values.forEach(value -> {
                if (value.isTextual()) {
                    casing.values.add(value.textValue());
                }
            });
        }
        List<JsonNode> parts = new ArrayList<>();
        parts.add(schema);
        JsonNode allOf = schema.get("allOf");
        if (allOf != null && allOf.isArray()) {
            allOf.forEach(member -> {
                JsonNode resolved = JsonRefs.resolve(document, member);
                if (resolved != null && resolved.isObject()) {
                    parts.add(resolved);
                }
            });
        }
        for (JsonNode part : parts) {
            JsonNode properties = part.get("properties");
            if (properties != null && properties.isObject()) {
                properties.fields().forEachRemaining(property -> {
                    if (!casing.properties.containsKey(property.getKey())) {
                        EnumCasing child = build(document, property.getValue(), built, depth + 1);
                        if (child != null) {
                            casing.properties.put(property.getKey(), child);
                        }
                    }
                });
            }
            JsonNode items = part.get("items");
            if (casing.items == null && items != null && items.isObject()) {
                casing.items = build(document, items, built, depth + 1);
            }
        }
        return casing;
    }

    /** Marks what leads to an enum (loops included) and drops the rest. */
    private static void prune(Collection<EnumCasing> all) {
        all.forEach(casing -> casing.useful = !casing.values.isEmpty());
        boolean changed = true;
        while (changed) {
            changed = false;
            for (EnumCasing casing : all) {
                if (!casing.useful && (casing.items != null && casing.items.useful
                        || casing.properties.values().stream().anyMatch(child -> child.useful))) {
                    casing.useful = true;
                    changed = true;
                }
            }
        }
        for (EnumCasing casing : all) {
            casing.properties.values().removeIf(child -> !child.useful);
            if (casing.items != null && !casing.items.useful) {
                casing.items = null;
            }
        }
    }

    /**
     * Normalises every string value of {@code node} that sits where the schema declares an enum and matches one
     * of its values ignoring case. Other values are left for the validator to reject.
     *
     * @param node the request tree, changed in place; may be null
     */
    void normalise(JsonNode node) {
        if (node instanceof ObjectNode object && !properties.isEmpty()) {
            for (Map.Entry<String, EnumCasing> property : properties.entrySet()) {
                JsonNode child = object.get(property.getKey());
                JsonNode fixed = property.getValue().fix(child);
                if (fixed != child) {
                    object.set(property.getKey(), fixed);
                } else if (child != null) {
                    property.getValue().normalise(child);
                }
            }
        } else if (node instanceof ArrayNode array && items != null) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = array.get(i);
                JsonNode fixed = items.fix(child);
                if (fixed != child) {
                    array.set(i, fixed);
                } else {
                    items.normalise(child);
                }
            }
        }
    }

    /** Returns a canonical text node, or {@code value} itself when nothing changes. */
    private JsonNode fix(JsonNode value) {
        if (value == null || !value.isTextual() || values.isEmpty()) {
            return value;
        }
        String text = value.textValue();
        for (String canonical : values) {
            if (canonical.equalsIgnoreCase(text)) {
                return canonical.equals(text) ? value : TextNode.valueOf(canonical);
            }
        }
        return value;
    }
}
