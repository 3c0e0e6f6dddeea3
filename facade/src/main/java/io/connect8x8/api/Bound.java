package io.connect8x8.api;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.connect8x8.ValidationException;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Request;

/**
 * One operation bound to its generated method: the {@code <operation>Call(..)} builder method the generator wrote for
 * it, each of its Java parameters tied to the document's parameter of the same name (or to the body), and the
 * answer's model type from {@code <operation>WithHttpInfo}. The generated method builds the request: path, escaping,
 * query, headers, body serialisation and authentication are the generated code's, never written here per operation.
 * Immutable and thread-safe.
 */
final class Bound {

    private enum Kind { PARAMETER, BODY }

    private record Slot(Kind kind, String name, Type type) {
    }

    private final OperationInfo info;
    private final Method call;
    private final List<Slot> slots;
    private final Type modelType;
    private final Gson gson;

    private Bound(OperationInfo info, Method call, List<Slot> slots, Type modelType, Gson gson) {
        this.info = info;
        this.call = call;
        this.slots = slots;
        this.modelType = modelType;
        this.gson = gson;
    }

    /**
     * Binds an operation to the generated API class of its document.
     *
     * @param entry the operation
     * @param apiClass the generated API class
     * @param gson the generated code's JSON configuration
     * @return the binding
     * @throws OperationNotFoundException when the class has no method for it
     */
    static Bound bind(Catalog.Entry entry, Class<?> apiClass, Gson gson) {
        OperationInfo info = entry.info();
        String wanted = normalise(info.operationId());
        Method call = null;
        Method typed = null;
        for (Method m : apiClass.getMethods()) {
            String name = m.getName();
            if (name.endsWith("Call") && normalise(name.substring(0, name.length() - 4)).equals(wanted)
                    && m.getReturnType() == okhttp3.Call.class) {
                call = m;
            } else if (name.endsWith("WithHttpInfo")
                    && normalise(name.substring(0, name.length() - 12)).equals(wanted)) {
                typed = m;
            }
        }
        if (call == null) {
            throw new OperationNotFoundException(info.operationId(), "operation '" + info.operationId() + "' of "
                    + info.artifact() + " (" + info.document() + ") has no generated method in "
                    + apiClass.getName());
        }
        List<Slot> slots = new ArrayList<>();
        Parameter[] parameters = call.getParameters();
        // The last one is the generated ApiCallback.
        if (parameters.length - 1 != entry.generatorOrder().size()) {
            throw new OperationNotFoundException(info.operationId(), "operation '" + info.operationId() + "' of "
                    + info.artifact() + ": " + call.getName() + " takes other parameters than the document declares");
        }
        for (int i = 0; i < parameters.length - 1; i++) {
            Parameter p = parameters[i];
            // Compiled with -parameters, the names tie them; without, the generator's order does.
            ParameterInfo declared = match(info, p.isNamePresent() ? p.getName() : entry.generatorOrder().get(i));
            slots.add(declared == null ? new Slot(Kind.BODY, "body", p.getParameterizedType())
                    : new Slot(Kind.PARAMETER, declared.name(), p.getParameterizedType()));
        }
        Type model = null;
        if (typed != null && typed.getGenericReturnType() instanceof ParameterizedType response) {
            Type t = response.getActualTypeArguments()[0];
            model = t == Void.class ? null : t;
        }
        return new Bound(info, call, List.copyOf(slots), model, gson);
    }

    private static ParameterInfo match(OperationInfo info, String javaName) {
        String wanted = normalise(javaName);
        for (ParameterInfo p : info.parameters()) {
            if (normalise(p.name()).equals(wanted)) {
                return p;
            }
        }
        return null;
    }

    /** Lower case letters and digits only: how the generator's camel-cased names and the document's compare. */
    static String normalise(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    /**
     * The document's names the generated method's parameters are tied to, in its order; {@code body} for the body.
     *
     * @return the names
     */
    List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        slots.forEach(slot -> names.add(slot.name()));
        return names;
    }

    Type modelType() {
        return modelType;
    }

    Gson gson() {
        return gson;
    }

    /**
     * Builds the request with the generated method.
     *
     * @param api the generated API instance (its client configured with the host, key and User-Agent)
     * @param values the parameters, defaults filled in
     * @param body the body, or null
     * @return the request
     * @throws ValidationException for a missing required parameter or a value that does not convert
     */
    Request request(Object api, Map<String, Object> values, Object body) {
        Object[] args = new Object[slots.size() + 1];
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            args[i] = slot.kind() == Kind.BODY ? body(slot.type(), body)
                    : convert(slot.name(), values.get(slot.name()), slot.type());
        }
        try {
            return ((okhttp3.Call) call.invoke(api, args)).request();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ValidationException(info.operationId(), "the generated client refused the request: "
                    + firstLine(cause));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the generated method takes a body. */
    boolean takesBody() {
        for (Slot slot : slots) {
            if (slot.kind() == Kind.BODY) {
                return true;
            }
        }
        return false;
    }

    private Object body(Type type, Object value) {
        if (value == null) {
            return null;
        }
        Class<?> raw = raw(type);
        if (raw.isInstance(value) && !(value instanceof String && raw == Object.class)) {
            return value;
        }
        JsonElement tree;
        Object model;
        try {
            tree = value instanceof String text ? JsonParser.parseString(text)
                    : value instanceof JsonElement e ? e : gson.toJsonTree(value);
            model = gson.fromJson(tree, type);
        } catch (RuntimeException e) {
            throw new ValidationException("body", "does not fit " + raw.getSimpleName() + ": " + firstLine(e));
        }
        // The generated enums are open: a value they do not know reads as their UNKNOWN_DEFAULT_OPEN_API constant
        // and would go out under that constant's name. Refused here, naming the field, instead.
        String unknown = unknownEnum(tree, gson.toJsonTree(model, type), "body");
        if (unknown != null) {
            throw new ValidationException(unknown, "is not one of the values the document allows");
        }
        return model;
    }

    /** The first field whose value the model turned into an open enum's unknown constant, or null. */
    private static String unknownEnum(JsonElement given, JsonElement sent, String path) {
        if (sent == null || given == null) {
            return null;
        }
        if (sent.isJsonPrimitive()) {
            return UNKNOWN.equals(sent.getAsJsonPrimitive().toString()) && !sent.equals(given) ? path : null;
        }
        if (sent.isJsonObject() && given.isJsonObject()) {
            for (Map.Entry<String, JsonElement> e : sent.getAsJsonObject().entrySet()) {
                String found = unknownEnum(given.getAsJsonObject().get(e.getKey()), e.getValue(),
                        path + "." + e.getKey());
                if (found != null) {
                    return found;
                }
            }
        } else if (sent.isJsonArray() && given.isJsonArray()) {
            for (int i = 0; i < Math.min(sent.getAsJsonArray().size(), given.getAsJsonArray().size()); i++) {
                String found = unknownEnum(given.getAsJsonArray().get(i), sent.getAsJsonArray().get(i),
                        path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** How the generator's open enums write their unknown constant, as JSON. */
    private static final String UNKNOWN = "\"unknown_default_open_api\"";

    private Object convert(String name, Object value, Type type) {
        if (value == null) {
            return null;
        }
        Class<?> raw = raw(type);
        if (value instanceof Path path && (raw == File.class || raw == Object.class)) {
            return path.toFile();
        }
        if (raw.isInstance(value) && !(value instanceof Collection<?>)) {
            return value;
        }
        String text = String.valueOf(value).strip();
        try {
            if (Collection.class.isAssignableFrom(raw)) {
                Type element = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : String.class;
                List<Object> list = new ArrayList<>();
                Collection<?> items = value instanceof Collection<?> c ? c : List.of(text.split(","));
                for (Object item : items) {
                    list.add(convert(name, item, element));
                }
                return list;
            }
            if (raw == String.class || raw == Object.class) {
                return text;
            }
            if (raw == Integer.class || raw == int.class) {
                return Integer.valueOf(text);
            }
            if (raw == Long.class || raw == long.class) {
                return Long.valueOf(text);
            }
            if (raw == Double.class || raw == double.class) {
                return Double.valueOf(text);
            }
            if (raw == Float.class || raw == float.class) {
                return Float.valueOf(text);
            }
            if (raw == BigDecimal.class) {
                return new BigDecimal(text);
            }
            if (raw == Boolean.class || raw == boolean.class) {
                if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                    throw new ValidationException(name, "must be true or false");
                }
                return Boolean.valueOf(text.toLowerCase(Locale.ROOT));
            }
            if (raw == OffsetDateTime.class) {
                return OffsetDateTime.parse(text);
            }
            if (raw == LocalDate.class) {
                return LocalDate.parse(text);
            }
            if (raw.isEnum()) {
                return enumValue(name, raw, text);
            }
            return gson.fromJson(text, type);
        } catch (NumberFormatException e) {
            throw new ValidationException(name, "must be a number");
        } catch (DateTimeParseException e) {
            throw new ValidationException(name, "must be an ISO-8601 date or date-time");
        } catch (ValidationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ValidationException(name, "does not fit " + raw.getSimpleName() + ": " + firstLine(e));
        }
    }

    /** A generated enum by its wire value ({@code fromValue}), else by its constant's name. */
    private static Object enumValue(String name, Class<?> type, String text) {
        try {
            Method from = type.getMethod("fromValue", String.class);
            if (Modifier.isStatic(from.getModifiers())) {
                return from.invoke(null, text);
            }
        } catch (NoSuchMethodException e) {
            // A plain enum: by name below.
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Refused: listed below.
        }
        List<String> allowed = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            String wire = String.valueOf(constant);
            if (wire.equals(text) || ((Enum<?>) constant).name().equals(text)) {
                return constant;
            }
            if (!((Enum<?>) constant).name().equals("UNKNOWN_DEFAULT_OPEN_API")) {
                allowed.add(wire);
            }
        }
        throw new ValidationException(name, "must be one of " + allowed);
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        message = newline < 0 ? message : message.substring(0, newline);
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }
}
