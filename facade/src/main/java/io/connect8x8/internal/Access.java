package io.connect8x8.internal;

import com.google.gson.JsonObject;
import io.connect8x8.BatchResult;
import io.connect8x8.RawJson;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * How the internals reach the package-private constructors of public types, so that no public constructor or
 * factory takes an internal or generated type. Each public type registers its constructor in its static initialiser
 * (the pattern of the JDK's {@code SharedSecrets}); {@link #make} forces that initialiser to run first.
 */
public final class Access {

    private static final Map<Class<?>, Function<Object, ?>> CONSTRUCTORS = new ConcurrentHashMap<>();

    private Access() {
    }

    /**
     * Registers a public type's constructor; called by its static initialiser.
     *
     * @param type the public type
     * @param constructor its package-private constructor
     * @param <A> what the constructor takes
     * @param <T> the type
     */
    @SuppressWarnings("unchecked")
    public static <A, T> void register(Class<T> type, Function<A, T> constructor) {
        CONSTRUCTORS.put(type, (Function<Object, ?>) constructor);
    }

    /**
     * Makes an instance of a public type with its registered constructor.
     *
     * @param type the public type
     * @param argument what its constructor takes
     * @param <T> the type
     * @return the instance
     */
    public static <T> T make(Class<T> type, Object argument) {
        return type.cast(constructor(type).apply(argument));
    }

    private static Function<Object, ?> constructor(Class<?> type) {
        Function<Object, ?> constructor = CONSTRUCTORS.get(type);
        if (constructor == null) {
            try {
                Class.forName(type.getName(), true, type.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            constructor = CONSTRUCTORS.get(type);
        }
        return constructor;
    }

    /**
     * Wraps a parsed response without copying it; the caller gives up the object.
     *
     * @param json the object
     * @return the raw JSON of a result
     */
    public static RawJson raw(JsonObject json) {
        return (RawJson) RawHolder.MAKE.apply(json);
    }

    /** {@link RawJson}'s constructor, looked up once: every result read wraps its answer. */
    private static final class RawHolder {
        static final Function<Object, ?> MAKE = constructor(RawJson.class);
    }

    /**
     * What a message API's operations run on.
     *
     * @param pipeline the pipeline
     * @param single the single send
     * @param batch the batch send
     * @param <M> the message type
     * @param <R> the single send's result
     * @param <B> the batch type
     * @param <BR> the batch send's result
     */
    public record Wiring<M, R, B, BR>(SendPipeline pipeline, RequestKind<M, ?, R> single,
                                      RequestKind<B, ?, BR> batch) {
    }
}
