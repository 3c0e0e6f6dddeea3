package io.connect8x8.api;

import static io.connect8x8.internal.SendPipeline.firstLine;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.annotations.SerializedName;
import io.connect8x8.ValidationException;
import io.connect8x8.internal.HttpResponse;
import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import okhttp3.Request;

/**
 * One operation bound to its generated {@code <operation>Call(..)} method, each Java parameter tied to the document's
 * parameter of the same name (or to the body), and to the answer's model type of {@code <operation>WithHttpInfo}.
 * The generated method builds the request. Immutable and thread-safe.
 *
 * @param info the operation
 * @param api the generated API instance, its client configured like the client's (host, key, User-Agent)
 * @param call the generated method
 * @param slots its parameters but the last (the generated callback): the document's name, or null for the body
 * @param modelType the answer's model type, or null
 * @param gson the generated code's Gson
 * @param followsRedirects whether the document answers with a redirect (a download)
 * @param constraints the parameters' constraints in the document, by name
 */
record Bound(OperationInfo info, Object api, Method call, List<Slot> slots, Type modelType, Gson gson,
             boolean followsRedirects, Map<String, Limits> constraints) {

    /** How the generator's open enums name their unknown constant. */
    private static final String UNKNOWN = "unknown_default_open_api";

    record Slot(String name, Type type) {
    }

    /** The operation bound to the generated API of its document; the gson is the generated code's. */
    static Bound bind(Catalog.Entry entry, Object api, Gson gson) {
        Class<?> apiClass = api.getClass();
        OperationInfo info = entry.info();
        String wanted = normalise(info.operationId());
        Method call = null;
        Type model = null;
        for (Method m : apiClass.getMethods()) {
            String name = m.getName();
            if (name.endsWith("Call") && normalise(name.substring(0, name.length() - 4)).equals(wanted)
                    && m.getReturnType() == okhttp3.Call.class) {
                call = m;
            } else if (name.endsWith("WithHttpInfo") && normalise(name.substring(0, name.length() - 12)).equals(wanted)
                    && m.getGenericReturnType() instanceof ParameterizedType response) {
                Type t = response.getActualTypeArguments()[0];
                model = t == Void.class ? null : t;
            }
        }
        // Compiled with -parameters (as the generated artifacts are), the names tie Java's to the document's.
        if (call == null || !call.getParameters()[0].isNamePresent()) {
            throw new OperationNotFoundException(info.operationId(), "operation '" + info.operationId() + "' of "
                    + info.artifact() + " (" + info.document() + ") has no generated method with parameter names in "
                    + apiClass.getName());
        }
        List<Slot> slots = new ArrayList<>();
        for (Parameter p : Arrays.copyOf(call.getParameters(), call.getParameterCount() - 1)) {
            String javaName = normalise(p.getName());
            slots.add(new Slot(info.parameters().stream().map(ParameterInfo::name)
                    .filter(d -> normalise(d).equals(javaName)).findFirst().orElse(null), p.getParameterizedType()));
        }
        return new Bound(info, api, call, List.copyOf(slots), model, gson, entry.redirects(), entry.constraints());
    }

    /** Lower case letters and digits only: how the generator's camel-cased names and the document's compare. */
    static String normalise(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    ApiResult result(HttpResponse response) {
        return new ApiResult(this, response);
    }

    boolean takesBody() {
        return slots.stream().anyMatch(slot -> slot.name() == null);
    }

    /**
     * The generated method's request, tagged to follow redirects when the document answers with one; a value that
     * does not convert, or that the generated code refuses, is a {@link ValidationException}.
     */
    Request request(Map<String, Object> values, Object body) {
        Object[] args = new Object[slots.size() + 1];
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            args[i] = slot.name() == null ? body(slot.type(), body)
                    : constrain(slot.name(), convert(slot.name(), values.get(slot.name()), slot.type()));
        }
        Request request;
        try {
            request = ((okhttp3.Call) call.invoke(api, args)).request();
        } catch (InvocationTargetException e) {
            throw new ValidationException(info.operationId(), "the generated client refused the request: "
                    + firstLine(e.getCause() == null ? e : e.getCause()));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        return followsRedirects ? request.newBuilder().tag(HttpResponse.FollowRedirects.class,
                new HttpResponse.FollowRedirects()).build() : request;
    }

    private Object body(Type type, Object value) {
        Class<?> raw = raw(type);
        if (value == null || raw.isInstance(value) && !(value instanceof String && raw == Object.class)) {
            return value;
        }
        JsonElement tree;
        Object model;
        try {
            tree = value instanceof String text ? JsonParser.parseString(text)
                    : value instanceof JsonElement e ? e : gson.toJsonTree(value);
            model = gson.fromJson(tree, type);
        } catch (RuntimeException e) {
            // Gson wraps the generated model's failure ("Not a JSON Object") in one whose message is its toString().
            Throwable shown = e.getCause() != null && e.getCause().toString().equals(e.getMessage()) ? e.getCause() : e;
            throw new ValidationException("body", "does not fit " + raw.getSimpleName() + ": " + firstLine(shown));
        }
        // The generated enums are open: a value they do not know would go out as their unknown constant. Empty text
        // or JSON null reads as no model, which the generated code would send as no body, required or not.
        if (model == null) {
            throw new ValidationException("body", "is empty or null");
        }
        refuseUnknownEnum(tree, gson.toJsonTree(model, type), "body", () -> type);
        return model;
    }

    /**
     * Refuses the first value the model made an open enum's unknown constant, with the enum's values if declared. The
     * field's type is looked up (by reflection) only for the value refused, not for every field of every body.
     */
    private static void refuseUnknownEnum(JsonElement given, JsonElement sent, String path, Supplier<Type> type) {
        if (given != null && sent.isJsonPrimitive() && UNKNOWN.equals(sent.getAsString()) && !sent.equals(given)) {
            Class<?> raw = raw(type.get());
            throw new ValidationException(path, raw.isEnum() ? "must be one of " + allowed(raw)
                    : "is not an allowed value");
        }
        if (sent instanceof JsonObject object && given instanceof JsonObject g) {
            for (Map.Entry<String, JsonElement> e : object.entrySet()) {
                refuseUnknownEnum(g.get(e.getKey()), e.getValue(), path + "." + e.getKey(),
                        () -> fieldType(type.get(), e.getKey()));
            }
        } else if (sent instanceof JsonArray array && given instanceof JsonArray g) {
            Supplier<Type> element = () -> type.get() instanceof ParameterizedType p
                    ? p.getActualTypeArguments()[0] : Object.class;
            for (int i = 0; i < Math.min(array.size(), g.size()); i++) {
                refuseUnknownEnum(g.get(i), array.get(i), path + "[" + i + "]", element);
            }
        }
    }

    /** The declared type of a generated model's field by its JSON name (read, not accessed), else Object. */
    private static Type fieldType(Type model, String name) {
        return Arrays.stream(raw(model).getDeclaredFields()).filter(f -> f.isAnnotationPresent(SerializedName.class)
                && f.getAnnotation(SerializedName.class).value().equals(name)).findFirst()
                .<Type>map(Field::getGenericType).orElse(Object.class);
    }

    /** A generated enum's values on the wire, without the unknown constant: the document's. */
    private static List<String> allowed(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(String::valueOf).filter(v -> !v.equals(UNKNOWN)).toList();
    }

    /** A value, converted, within its document's pattern, length and range, which the generated code does not check. */
    private Object constrain(String name, Object value) {
        Limits limits = value == null ? null : constraints.get(name);
        if (limits == null) {
            return value;
        }
        String text = String.valueOf(value);
        String problem = limits.problem(text, value instanceof Number n && Double.isFinite(n.doubleValue())
                ? new BigDecimal(text) : null);
        if (problem != null) {
            throw new ValidationException(name, problem);
        }
        return value;
    }

    /**
     * A parameter's pattern, length and range in its document, read once when the catalog loads. A pattern Java
     * cannot compile (the documents' dialect is ECMA's) is left to the server rather than failing every call.
     */
    record Limits(Pattern pattern, BigDecimal minLength, BigDecimal maxLength, BigDecimal minimum, BigDecimal maximum,
                  String shown) {

        static Limits of(JsonObject c) {
            Pattern pattern;
            try {
                pattern = c.has("pattern") ? Pattern.compile(c.get("pattern").getAsString()) : null;
            } catch (PatternSyntaxException e) {
                pattern = null;
            }
            return new Limits(pattern, c.has("minLength") ? c.get("minLength").getAsBigDecimal() : null,
                    c.has("maxLength") ? c.get("maxLength").getAsBigDecimal() : null,
                    c.has("minimum") ? c.get("minimum").getAsBigDecimal() : null,
                    c.has("maximum") ? c.get("maximum").getAsBigDecimal() : null, c.toString());
        }

        /** What a value (and its number, if it is one) breaks, in words without the value (personal data), or null. */
        String problem(String text, BigDecimal number) {
            String length = outside(BigDecimal.valueOf(text.codePointCount(0, text.length())), minLength, maxLength);
            return pattern != null && !pattern.matcher(text).find() ? "must match the pattern " + pattern
                    : length != null ? length + " characters long" : outside(number, minimum, maximum);
        }

        /** "must be 3 to 10" ("exactly 2", "at least 3", "at most 10") when the value is outside, else null. */
        private static String outside(BigDecimal v, BigDecimal min, BigDecimal max) {
            boolean ok = v == null || (min == null || v.compareTo(min) >= 0) && (max == null || v.compareTo(max) <= 0);
            return ok ? null : "must be " + (min == null ? "at most " + max : max == null ? "at least " + min
                    : min.compareTo(max) == 0 ? "exactly " + min : min + " to " + max);
        }
    }

    /** A parameter's value as the generated method's type: the generated Gson converts text to its types. */
    private Object convert(String name, Object value, Type type) {
        Class<?> raw = raw(type);
        File file = value instanceof Path path ? path.toFile() : value instanceof File f ? f : null;
        if (file != null && (raw == File.class || raw == Object.class)) {
            if (!file.isFile() || !file.canRead()) {
                throw new ValidationException(name, "must be a readable file");
            }
            return file;
        }
        if (value == null || raw.isInstance(value) && !(value instanceof Collection<?>)) {
            return value;
        }
        if (value instanceof Collection<?> && !Collection.class.isAssignableFrom(raw)) {
            throw new ValidationException(name, "takes one value, not a list");  // else sent as "[a, b]"
        }
        String text = String.valueOf(value).strip();
        if (Collection.class.isAssignableFrom(raw)) {
            Type element = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : String.class;
            List<Object> list = new ArrayList<>();
            for (Object item : value instanceof Collection<?> c ? c : List.of(text.split(","))) {
                list.add(convert(name, item, element));
            }
            return list;
        }
        if (raw == String.class || raw == Object.class) {
            return text;
        }
        if (raw.isEnum()) {
            for (Object constant : raw.getEnumConstants()) {
                if (String.valueOf(constant).equals(text) || ((Enum<?>) constant).name().equals(text)) {
                    return constant;
                }
            }
            throw new ValidationException(name, "must be one of " + allowed(raw));
        }
        if ((raw == Boolean.class || raw == boolean.class) && !text.matches("(?i)true|false")) {
            throw new ValidationException(name, "must be true or false");
        }
        try {
            boolean json = text.startsWith("{") || text.startsWith("[");
            return gson.fromJson(json ? JsonParser.parseString(text) : new JsonPrimitive(text), type);
        } catch (RuntimeException e) {
            throw new ValidationException(name, "does not fit " + raw.getSimpleName() + ": " + firstLine(e));
        }
    }

    private static Class<?> raw(Type type) {
        return type instanceof Class<?> c ? c
                : type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : Object.class;
    }
}
