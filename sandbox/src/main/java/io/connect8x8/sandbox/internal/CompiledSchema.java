package io.connect8x8.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.media.Schema;
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
 */
final class CompiledSchema {

    private static final Pattern SAFE_PATTERN = Pattern.compile("[A-Za-z0-9^$\\[\\]{}()+*?.|,\\-_&:/@=#~ ]*"
            + "(\\\\[dnrt.+*?()\\[\\]{}|^$/\\\\\\-][A-Za-z0-9^$\\[\\]{}()+*?.|,\\-_&:/@=#~ ]*)*");
    private static final Predicate<JsonNode> UNSURE = node -> false;

    private final Map<Schema<?>, Predicate<JsonNode>> compiled = new IdentityHashMap<>();

    private CompiledSchema() {
    }

    /**
     * Compiles a fully resolved body schema.
     *
     * @param schema the schema (no {@code $ref} left), or null
     * @return the check: true when the body is certainly valid
     */
    static Predicate<JsonNode> compile(Schema<?> schema) {
        return schema == null ? UNSURE : new CompiledSchema().node(schema, 0);
    }

    private Predicate<JsonNode> node(Schema<?> schema, int depth) {
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

    private Predicate<JsonNode> build(Schema<?> schema, int depth) {
        if (!onlyJudgedKeywords(schema)) {
            return UNSURE;
        }
        String type = schema.getType();
        List<Predicate<JsonNode>> checks = new ArrayList<>();
        if (type != null) {
            Predicate<JsonNode> typeCheck = switch (type) {
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
        if (schema.getEnum() != null) {
            Set<JsonNode> allowed = new HashSet<>();
            for (Object value : schema.getEnum()) {
                allowed.add(Json.MAPPER.valueToTree(value));
            }
            checks.add(allowed::contains);
        }
        addStringChecks(schema, checks);
        addArrayChecks(schema, depth, checks);
        addObjectChecks(schema, depth, checks);
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

    private static void addStringChecks(Schema<?> schema, List<Predicate<JsonNode>> checks) {
        Integer min = schema.getMinLength();
        Integer max = schema.getMaxLength();
        if (min != null || max != null) {
            int low = min == null ? 0 : min;
            int high = max == null ? Integer.MAX_VALUE : max;
            checks.add(value -> {
                if (!value.isTextual()) {
                    return true;
                }
                String text = value.textValue();
                int length = text.codePointCount(0, text.length());
                return length >= low && length <= high;
            });
        }
        if (schema.getPattern() != null) {
            Pattern pattern = Pattern.compile(schema.getPattern());
            checks.add(value -> {
                if (!value.isTextual()) {
                    return true;
                }
                String text = value.textValue();
                return text.indexOf('\n') < 0 && text.indexOf('\r') < 0 && text.indexOf('\u0085') < 0
                        && text.indexOf('\u2028') < 0 && text.indexOf('\u2029') < 0 && pattern.matcher(text).find();
            });
        }
    }

    private void addArrayChecks(Schema<?> schema, int depth, List<Predicate<JsonNode>> checks) {
        Integer min = schema.getMinItems();
        Integer max = schema.getMaxItems();
        if (min != null || max != null) {
            int low = min == null ? 0 : min;
            int high = max == null ? Integer.MAX_VALUE : max;
            checks.add(value -> !value.isArray() || value.size() >= low && value.size() <= high);
        }
        if (schema.getItems() != null) {
            Predicate<JsonNode> item = node(schema.getItems(), depth + 1);
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
    }

    private void addObjectChecks(Schema<?> schema, int depth, List<Predicate<JsonNode>> checks) {
        List<String> required = schema.getRequired() == null ? List.of() : List.copyOf(schema.getRequired());
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
        if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
            Map<String, Predicate<JsonNode>> properties = new LinkedHashMap<>();
            schema.getProperties().forEach((name, property) -> properties.put(name, node(property, depth + 1)));
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

    /** Whether every keyword that constrains the value is one this class judges exactly or more strictly. */
    private static boolean onlyJudgedKeywords(Schema<?> schema) {
        if (schema.getFormat() != null || Boolean.TRUE.equals(schema.getReadOnly())
                || Boolean.TRUE.equals(schema.getNullable()) || schema.getNot() != null
                || schema.getAllOf() != null || schema.getAnyOf() != null || schema.getOneOf() != null
                || schema.getDiscriminator() != null || schema.getMultipleOf() != null
                || schema.getMinimum() != null || schema.getMaximum() != null
                || schema.getExclusiveMinimumValue() != null || schema.getExclusiveMaximumValue() != null
                || Boolean.TRUE.equals(schema.getUniqueItems()) || schema.getMinProperties() != null
                || schema.getMaxProperties() != null || schema.getConst() != null
                || schema.getIf() != null || schema.getPrefixItems() != null || schema.getContains() != null
                || schema.getPatternProperties() != null || schema.getPropertyNames() != null
                || schema.getDependentRequired() != null || schema.getDependentSchemas() != null
                || schema.getUnevaluatedProperties() != null || schema.getUnevaluatedItems() != null
                || schema.get$ref() != null) {
            return false;
        }
        // The parser fills the 3.1 "types" from a 3.0 "type"; several types are judged by the library.
        if (schema.getTypes() != null && !schema.getTypes().equals(schema.getType() == null ? null
                : Set.of(schema.getType()))) {
            return false;
        }
        if (schema.getAdditionalProperties() != null && !(schema.getAdditionalProperties() instanceof Boolean)) {
            return false;
        }
        return schema.getPattern() == null || SAFE_PATTERN.matcher(schema.getPattern()).matches()
                && !schema.getPattern().contains("[^") && !schema.getPattern().contains("(?");
    }
}
