package io.connect8x8.internal;

import com.google.gson.JsonObject;
import io.connect8x8.BatchResult;
import io.connect8x8.RawJson;
import io.connect8x8.chatapps.ChatBatch;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.ChatResult;
import io.connect8x8.sms.Sms;
import io.connect8x8.sms.SmsBatch;
import io.connect8x8.sms.SmsResult;
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
        Function<Object, ?> constructor = CONSTRUCTORS.get(type);
        if (constructor == null) {
            try {
                Class.forName(type.getName(), true, type.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            constructor = CONSTRUCTORS.get(type);
        }
        return type.cast(constructor.apply(argument));
    }

    /**
     * Wraps a parsed response without copying it; the caller gives up the object.
     *
     * @param json the object
     * @return the raw JSON of a result
     */
    public static RawJson raw(JsonObject json) {
        return make(RawJson.class, json);
    }

    /**
     * What the SMS operations run on.
     *
     * @param pipeline the pipeline
     * @param single the single send
     * @param batch the batch send
     */
    public record SmsWiring(SendPipeline pipeline, RequestKind<Sms, ?, SmsResult> single,
                            RequestKind<SmsBatch, ?, BatchResult<SmsResult>> batch) {
    }

    /**
     * What the Messaging Apps operations run on.
     *
     * @param pipeline the pipeline
     * @param single the single send
     * @param batch the batch send
     */
    public record ChatWiring(SendPipeline pipeline, RequestKind<ChatMessage, ?, ChatResult> single,
                             RequestKind<ChatBatch, ?, BatchResult<ChatResult>> batch) {
    }
}
