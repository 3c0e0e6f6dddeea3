package io.connect8x8.sandbox.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * One semantic rule of the live API that the minimal specs do not express (patterns, lengths, ranges). Rules are
 * listed as tables in {@link SmsRules} and {@link ChatAppsRules}; each throws a 400 {@link ApiError} with its code.
 */
@FunctionalInterface
interface Rule {

    /**
     * Checks one message (or one batch envelope).
     *
     * @param node the JSON object, already valid against the spec
     * @throws ApiError when the rule is broken
     */
    void check(JsonNode node);

    /** Checks every rule of a table, in order; the first broken one throws. */
    static void checkAll(java.util.List<Rule> rules, JsonNode node) {
        for (Rule rule : rules) {
            rule.check(node);
        }
    }

    /** The value at a compiled pointer, or null when absent or JSON null. */
    static JsonNode at(JsonNode node, JsonPointer pointer) {
        JsonNode value = node.at(pointer);
        return value.isMissingNode() || value.isNull() ? null : value;
    }

    /** Compiles a slash path once, when the rule is built, rather than on every check. */
    static JsonPointer pointer(String path) {
        return JsonPointer.compile("/" + path);
    }

    /** A field that must be present. */
    static Rule required(String path, int code) {
        JsonPointer pointer = pointer(path);
        return node -> {
            if (at(node, pointer) == null) {
                throw ApiError.badRequest(code, "Missing parameter " + path.replace('/', '.'));
            }
        };
    }

    /** A string field, when present, that must match a pattern. */
    static Rule matches(String path, String regex, int code) {
        Pattern pattern = Pattern.compile(regex);
        JsonPointer pointer = pointer(path);
        return node -> {
            JsonNode value = at(node, pointer);
            if (value != null && (!value.isTextual() || !pattern.matcher(value.textValue()).matches())) {
                throw ApiError.badRequest(code, "Invalid parameter " + path.replace('/', '.') + ": " + value);
            }
        };
    }

    /** A string field, when present, of at most {@code max} characters. */
    static Rule maxLength(String path, int max, int code) {
        JsonPointer pointer = pointer(path);
        return node -> {
            JsonNode value = at(node, pointer);
            if (value != null && (!value.isTextual() || value.textValue().length() > max)) {
                throw ApiError.badRequest(code, "Invalid parameter " + path.replace('/', '.')
                        + ": must be a string of at most " + max + " characters");
            }
        };
    }

    /** An absolute http or https URL, when present. */
    static Rule httpUrl(String path, int code) {
        JsonPointer pointer = pointer(path);
        return node -> {
            JsonNode value = at(node, pointer);
            if (value == null) {
                return;
            }
            if (!value.isTextual() || !isHttpUrl(value.textValue())) {
                throw ApiError.badRequest(code, "Invalid parameter " + path.replace('/', '.') + ": not an http(s) URL");
            }
        };
    }

    /** Whether a text is an absolute http or https URL with a host. */
    static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** A rule that applies only when the message's {@code type} is one of the given (spec-spelt) types. */
    static Rule whenType(java.util.Set<String> types, Rule rule) {
        JsonPointer type = pointer("type");
        // The live API reads enum values in any casing; the documents spell them differently (Text, text).
        java.util.Set<String> lower = types.stream().map(t -> t.toLowerCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        return node -> {
            JsonNode value = at(node, type);
            if (value != null && lower.contains(value.asText().toLowerCase(java.util.Locale.ROOT))) {
                rule.check(node);
            }
        };
    }
}
