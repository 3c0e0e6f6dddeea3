package io.connect8x8.internal;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Sets a field of a generated model by its wire name, for the fields whose presence or type differs between spec
 * sets: through its generated setter when the spec in use has the field (an enum-typed field gets the matching
 * generated constant), otherwise as an additional property, which the documents allow. So {@code clientMessageId}
 * is a typed field with 8x8's complete SMS document and an additional property with the guides' one, and the same
 * mapping code compiles and sends correctly against both.
 */
final class Models {

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private Models() {
    }

    /**
     * A new model with every spec {@code default} cleared: the API applies its own defaults, and the facade never
     * sends one the caller did not ask for, whatever the spec set.
     */
    static <T> T create(Supplier<T> factory) {
        T model = factory.get();
        for (Field field : SHAPES.get(model.getClass()).defaulted) {
            try {
                field.set(model, null);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return model;
    }

    /** Sets a field by wire name ({@code path} names it in a refusal of an enum value); null leaves it unset. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void set(Object model, String field, String path, Object value) {
        if (value == null) {
            return;
        }
        Shape shape = SHAPES.get(model.getClass());
        Method setter = shape.setters.get(field);
        try {
            if (setter == null) {
                shape.putAdditional.invoke(model, field, value);
                return;
            }
            Class<?> type = setter.getParameterTypes()[0];
            Object typed = value;
            if (type.isEnum() && !type.isInstance(value)) {
                typed = SpecEnums.of((Class) type, path, value.toString());
            } else if (type == String.class && !(value instanceof String)) {
                typed = value.toString();
            }
            setter.invoke(model, typed);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** What the generated code says about one model class. */
    private record Shape(Map<String, Method> setters, Method putAdditional, List<Field> defaulted) {

        @SuppressWarnings("unchecked")
        static Shape of(Class<?> type) {
            try {
                Set<String> names = Set.copyOf((Set<String>) type.getField("openapiFields").get(null));
                Map<String, Method> setters = new HashMap<>();
                for (Method m : type.getMethods()) {
                    if (m.getName().startsWith("set") && m.getParameterCount() == 1 && m.getName().length() > 3) {
                        String name = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
                        if (names.contains(name)) {
                            setters.put(name, m);
                        }
                    }
                }
                Method put = type.getMethod("putAdditionalProperty", String.class, Object.class);
                List<Field> defaulted = new ArrayList<>();
                Object blank = type.getConstructor().newInstance();
                for (Field f : type.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()
                            && !f.getName().equals("additionalProperties")) {
                        f.setAccessible(true);
                        if (f.get(blank) != null) {
                            defaulted.add(f);
                        }
                    }
                }
                return new Shape(Map.copyOf(setters), put, List.copyOf(defaulted));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(type.getName() + " is not a generated model", e);
            }
        }
    }
}
