package io.connect8x8.internal;

import io.connect8x8.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The spec's spellings of enum values, read from the generated enums of the spec set the client was built from.
 * The facade names a value by its meaning (a facade constant such as {@code GOOGLE_RCS}); the generated constant
 * whose value matches it ignoring case and separators is sent, so {@code Template} and {@code template},
 * {@code GoogleRCS} and {@code GOOGLE_RCS} are one value. A value the spec in use lacks is refused with a
 * {@link ValidationException} naming the field, before any network I/O.
 */
public final class SpecEnums {

    /** The generator's stand-in for values it does not know; never a value to send. */
    private static final String UNKNOWN = "unknown_default_open_api";

    private static final ClassValue<Map<String, Enum<?>>> INDEX = new ClassValue<>() {
        @Override
        protected Map<String, Enum<?>> computeValue(Class<?> type) {
            Map<String, Enum<?>> index = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                Enum<?> e = (Enum<?>) constant;
                if (!UNKNOWN.equals(String.valueOf(e))) {
                    index.putIfAbsent(key(String.valueOf(e)), e);
                    index.putIfAbsent(key(e.name()), e);
                }
            }
            return Collections.unmodifiableMap(index);
        }
    };

    private SpecEnums() {
    }

    /**
     * Normalises a name for matching.
     *
     * @param name a name in any casing or separator style
     * @return its letters and digits, in lower case
     */
    public static String key(String name) {
        StringBuilder key = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                key.append(Character.toLowerCase(c));
            }
        }
        return key.toString();
    }

    /** The generated constant for the first of {@code names} the spec in use has, else a refusal on {@code field}. */
    static <E extends Enum<E>> E of(Class<E> type, String field, String... names) {
        E found = find(type, names);
        if (found == null) {
            throw new ValidationException(field, "'" + names[0] + "' is not a value the API document in use allows"
                    + " (it allows " + allowed(type) + ")");
        }
        return found;
    }

    /**
     * Finds the generated constant for the first of {@code names} the spec in use has.
     *
     * @param type the generated enum
     * @param names the names of the value, most specific first
     * @param <E> the enum type
     * @return the constant, whose {@code toString()} is the spec's spelling, or null when it has none of them
     */
    public static <E extends Enum<E>> E find(Class<E> type, String... names) {
        Map<String, Enum<?>> index = INDEX.get(type);
        for (String name : names) {
            Enum<?> e = index.get(key(name));
            if (e != null) {
                return type.cast(e);
            }
        }
        return null;
    }

    /**
     * The spec's spellings of an enum.
     *
     * @param type the generated enum
     * @return its values in declaration order, without the generator's stand-in for unknown values
     */
    public static List<String> allowed(Class<? extends Enum<?>> type) {
        List<String> values = new ArrayList<>();
        for (Enum<?> e : type.getEnumConstants()) {
            if (!UNKNOWN.equals(String.valueOf(e))) {
                values.add(String.valueOf(e));
            }
        }
        return values;
    }

    /**
     * Finds the facade's constant for a name given as text, ignoring case and separators, for a value type open to
     * values the facade has no constant for (a channel or encoding a newer document added).
     *
     * @param type the facade's enum
     * @param name the name as given, or null
     * @param unknown the constant standing for a value the facade does not name
     * @param <E> the enum type
     * @return the matching constant, or {@code unknown} (also for null)
     */
    public static <E extends Enum<E>> E facadeConstant(Class<E> type, String name, E unknown) {
        E found = name == null ? null : find(type, name);
        return found == null ? unknown : found;
    }

    /**
     * Checks a value given as text for an enum-valued field; whether the spec in use allows it is decided when the
     * request is mapped, where the field's full path is known.
     *
     * @param field the wire field, for the error
     * @param value the value as given
     * @return the value, stripped of surrounding blanks
     * @throws ValidationException when the value is null or blank
     */
    public static String requireName(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "is required");
        }
        return value.strip();
    }

    /**
     * Refuses a facade enum's stand-in for unknown values as input: it names no value to send.
     *
     * @param field the wire field, for the error
     * @param value the constant given
     * @param unknown the enum's stand-in for unknown values
     * @param <E> the enum type
     * @return {@code value}
     * @throws ValidationException when the value is null or the stand-in
     */
    public static <E extends Enum<E>> E requireKnown(String field, E value, E unknown) {
        if (value == null) {
            throw new ValidationException(field, "is required");
        }
        if (value == unknown) {
            throw new ValidationException(field, unknown.name() + " names no value to send; pass the spec's"
                    + " spelling as a String instead");
        }
        return value;
    }
}
