package io.connect8x8.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * An operation's body schema compiled once into plain checks: the fast path of {@link SpecValidator}. It answers
 * only "certainly valid": {@code true} means the validator library would report no error for the body; {@code false}
 * means "not certain" (an error, or a keyword or value this class does not judge), and the library then validates the
 * body and reports its findings as always. So the fast path can never accept what the library refuses, and the
 * findings of an invalid body are the library's own.
 *
 * <p>Each check is at least as strict as the library's keyword: {@code type}, {@code properties}, {@code required},
 * {@code enum} (exact JSON equality; the library also accepts numerically equal values), {@code items},
 * {@code minLength}/{@code maxLength} (code points), {@code minItems}/{@code maxItems}, and {@code pattern} when it
 * uses only constructs that match the same strings in Java and in the ECMAScript engine the library uses (no
 * negation, no {@code \s \w \b}; text with a line break is left to the library, as Java's {@code $} also matches
 * before a final line break). {@code additionalProperties: false} is not judged by the library (the simulator sets
 * it to ignore), nor here. A value JSON {@code null}, a value with a {@code format} (the library checks
 * {@code date-time}, {@code email}, {@code int32}, ...), {@code readOnly}, numbers with bounds, and every other
 * keyword ({@code allOf}, {@code oneOf}, {@code not}, {@code multipleOf}, {@code uniqueItems}, an
 * {@code additionalProperties} schema, ...) are left to the library where they occur in the body.
 * {@code FastPathEquivalenceTest} checks the claim against the library on valid and broken bodies of every send.
 *
 * <p>It reads the document's JSON tree (its {@code $ref}s followed by {@link JsonRefs}), not swagger-parser's model,
 * so that a cold simulator answers its first valid send before the parser and validator are even loaded. Only the
 * keywords above and annotations (descriptions, examples, {@code x-} extensions) may appear in a schema it judges:
 * anything else, a {@code $ref} with siblings or a reference it cannot follow leaves that schema to the library.
 */
final class CompiledSchema {

    private static final Pattern SAFE_PATTERN = Pattern.compile("[A-Za-z0-9^$\\[\\]{}()+*?.|,\\-_&:/@=#~ ]*"
            + "(\\\\[dnrt.+*?()\\[\\]{}|^$/\\\\\\-][A-Za-z0-9^$\\[\\]{}()+*?.|,\\-_&:/@=#~ ]*)*");
    private static final Predicate<JsonNode> UNSURE = node -> false;
    /** The keywords judged here. */
    private static final Set<String> JUDGED = Set.of("type", "properties", "required", "enum", "items", "minLength",
            "maxLength", "minItems", "maxItems", "pattern", "additionalProperties");
    /** Keywords that constrain nothing (the flags among them only when false, see {@link #annotationsOnly}). */
    private static final Set<String> ANNOTATIONS = Set.of("description", "title", "example", "examples", "default",
            "deprecated", "externalDocs", "xml", "writeOnly", "nullable", "readOnly");

    private final JsonNode document;
    private final Map<JsonNode, Predicate<JsonNode>> compiled = new IdentityHashMap<>();

    private CompiledSchema(JsonNode document) {
        this.document = document;
    }

    /**
     * Compiles a body schema of a document.
     *
     * @param document the whole document, which the schema's {@code $ref}s point into
     * @param schema the schema as written (may be a {@code $ref}), or null
     * @return the check: true when the body is certainly valid
     */
    static Predicate<JsonNode> compile(JsonNode document, JsonNode schema) {
        return schema == null ? UNSURE : new CompiledSchema(document).node(schema, 0);
    }

    private Predicate<JsonNode> node(JsonNode raw, int depth) {
        if (raw.has("$ref") && raw.size() > 1) {
            return UNSURE;
        }
        JsonNode schema = JsonRefs.resolve(document, raw);
        if (schema == null || !schema.isObject() || schema.has("$ref")) {
            return UNSURE;
        }
        Predicate<JsonNode> done = compiled.get(schema);
        if (done != null) {
            return done;
        }
        if (depth > 32) {
            return UNSURE;
        }
        // A cycle through this schema is judged by the library.
        compiled.put(schema, UNSURE);
        Predicate<JsonNode> check = build(schema, depth);
        compiled.put(schema, check);
        return check;
    }

    private Predicate<JsonNode> build(JsonNode schema, int depth) {
        if (!onlyJudgedKeywords(schema)) {
            return UNSURE;
        }
        List<Predicate<JsonNode>> checks = new ArrayList<>();
        JsonNode type = schema.get("type");
        if (type != null) {
            Predicate<JsonNode> typeCheck = !type.isTextual() ? null : switch (type.textValue()) {
                case "object" -> JsonNode::isObject;
                case "array" -> JsonNode::isArray;
                case "string" -> JsonNode::isTextual;
                case "integer" -> JsonNode::isIntegralNumber;
                case "number" -> JsonNode::isNumber;
                case "boolean" -> JsonNode::isBoolean;
                default -> null;
            };
            if (typeCheck == null) {
                return UNSURE;
            }
            checks.add(typeCheck);
        }
        JsonNode values = schema.get("enum");
        if (values != null) {
            if (!values.isArray()) {
                return UNSURE;
            }
            Set<JsonNode> allowed = new HashSet<>();
            values.forEach(allowed::add);
            checks.add(allowed::contains);
        }
        if (!addStringChecks(schema, checks) || !addArrayChecks(schema, depth, checks)
                || !addObjectChecks(schema, depth, checks)) {
            return UNSURE;
        }
        Predicate<JsonNode>[] all = checks.toArray(Predicate[]::new);
        return value -> {
            if (value.isNull()) {
                return false;
            }
            for (Predicate<JsonNode> check : all) {
                if (!check.test(value)) {
                    return false;
                }
            }
            return true;
        };
    }

    /** A count keyword: absent (-1), a count, or null when it is not one. */
    private static Integer count(JsonNode schema, String keyword) {
        JsonNode value = schema.get(keyword);
        if (value == null) {
            return -1;
        }
        return value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= 0 ? value.intValue() : null;
    }

    private static boolean addStringChecks(JsonNode schema, List<Predicate<JsonNode>> checks) {
        Integer min = count(schema, "minLength");
        Integer max = count(schema, "maxLength");
        if (min == null || max == null) {
            return false;
        }
        if (min >= 0 || max >= 0) {
            int low = Math.max(min, 0);
            int high = max < 0 ? Integer.MAX_VALUE : max;
            checks.add(value -> {
                if (!value.isTextual()) {
                    return true;
                }
                String text = value.textValue();
                int length = text.codePointCount(0, text.length());
                return length >= low && length <= high;
            });
        }
        JsonNode regex = schema.get("pattern");
        if (regex != null) {
            Pattern pattern = Pattern.compile(regex.textValue());
            checks.add(value -> {
                if (!value.isTextual()) {
                    return true;
                }
                String text = value.textValue();
                return text.indexOf('\n') < 0 && text.indexOf('\r') < 0 && text.indexOf('\u0085') < 0
                        && text.indexOf('\u2028') < 0 && text.indexOf('\u2029') < 0 && pattern.matcher(text).find();
            });
        }
        return true;
    }

    private boolean addArrayChecks(JsonNode schema, int depth, List<Predicate<JsonNode>> checks) {
        Integer min = count(schema, "minItems");
        Integer max = count(schema, "maxItems");
        if (min == null || max == null) {
            return false;
        }
        if (min >= 0 || max >= 0) {
            int low = Math.max(min, 0);
            int high = max < 0 ? Integer.MAX_VALUE : max;
            checks.add(value -> !value.isArray() || value.size() >= low && value.size() <= high);
        }
        JsonNode items = schema.get("items");
        if (items != null) {
            if (!items.isObject()) {
                return false;
            }
            Predicate<JsonNode> item = node(items, depth + 1);
            checks.add(value -> {
                if (!value.isArray()) {
                    return true;
                }
                for (JsonNode element : value) {
                    if (!item.test(element)) {
                        return false;
                    }
                }
                return true;
            });
        }
        return true;
    }

    private boolean addObjectChecks(JsonNode schema, int depth, List<Predicate<JsonNode>> checks) {
        JsonNode requiredNode = schema.get("required");
        List<String> required = new ArrayList<>();
        if (requiredNode != null) {
            if (!requiredNode.isArray()) {
                return false;
            }
            for (JsonNode name : requiredNode) {
                if (!name.isTextual()) {
                    return false;
                }
                required.add(name.textValue());
            }
        }
        if (!required.isEmpty()) {
            checks.add(value -> {
                if (!value.isObject()) {
                    return true;
                }
                for (String name : required) {
                    if (!value.has(name)) {
                        return false;
                    }
                }
                return true;
            });
        }
        JsonNode declared = schema.get("properties");
        if (declared != null) {
            if (!declared.isObject()) {
                return false;
            }
            Map<String, Predicate<JsonNode>> properties = new LinkedHashMap<>();
            declared.fields().forEachRemaining(property -> properties.put(property.getKey(),
                    property.getValue().isObject() ? node(property.getValue(), depth + 1) : UNSURE));
            if (!properties.isEmpty()) {
                checks.add(value -> {
                    if (!value.isObject()) {
                        return true;
                    }
                    for (Map.Entry<String, Predicate<JsonNode>> property : properties.entrySet()) {
                        JsonNode field = value.get(property.getKey());
                        if (field != null && !property.getValue().test(field)) {
                            return false;
                        }
                    }
                    return true;
                });
            }
        }
        return true;
    }

    /** Whether every keyword that constrains the value is one this class judges exactly or more strictly. */
    private static boolean onlyJudgedKeywords(JsonNode schema) {
        java.util.Iterator<String> names = schema.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!JUDGED.contains(name) && !ANNOTATIONS.contains(name) && !name.startsWith("x-")) {
                return false;
            }
        }
        if (!annotationsOnly(schema, "nullable") || !annotationsOnly(schema, "readOnly")) {
            return false;
        }
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && !additional.isBoolean()) {
            return false;
        }
        JsonNode pattern = schema.get("pattern");
        return pattern == null || pattern.isTextual() && SAFE_PATTERN.matcher(pattern.textValue()).matches()
                && !pattern.textValue().contains("[^") && !pattern.textValue().contains("(?");
    }

    /** A flag that would constrain the value when true ({@code nullable}, {@code readOnly}): absent or false. */
    private static boolean annotationsOnly(JsonNode schema, String flag) {
        JsonNode value = schema.get(flag);
        return value == null || value.isBoolean() && !value.booleanValue();
    }
}
