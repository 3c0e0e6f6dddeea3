package io.connect8x8.internal;

import com.google.gson.JsonObject;
import io.connect8x8.RawJson;
import io.connect8x8.api.Operations;
import io.connect8x8.chatapps.ChatAppsOperations;
import io.connect8x8.chatapps.ChatBatch;
import io.connect8x8.chatapps.ChatBatchResult;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.ChatResult;
import io.connect8x8.sms.Sms;
import io.connect8x8.sms.SmsBatch;
import io.connect8x8.sms.SmsBatchResult;
import io.connect8x8.sms.SmsResult;
import io.connect8x8.sms.SmsOperations;
import java.util.function.Function;

/**
 * How the internals reach the package-private constructors of public types, so that no public constructor or
 * factory takes an internal or generated type. Each public type hands its constructor over in its static
 * initialiser (the pattern of the JDK's {@code SharedSecrets}); this class forces that initialiser to run first.
 */
public final class Access {

    private static volatile Function<JsonObject, RawJson> rawJson;
    private static volatile Function<SmsWiring, SmsOperations> sms;
    private static volatile Function<ChatWiring, ChatAppsOperations> chatApps;
    private static volatile Function<ApiSettings, Operations> operations;

    private Access() {
    }

    /**
     * Called by {@link RawJson}'s static initialiser.
     *
     * @param factory wraps a parsed object without copying it
     */
    public static void rawJson(Function<JsonObject, RawJson> factory) {
        rawJson = factory;
    }

    /**
     * Called by {@link SmsOperations}' static initialiser.
     *
     * @param factory its constructor
     */
    public static void sms(Function<SmsWiring, SmsOperations> factory) {
        sms = factory;
    }

    /**
     * Called by {@link ChatAppsOperations}' static initialiser.
     *
     * @param factory its constructor
     */
    public static void chatApps(Function<ChatWiring, ChatAppsOperations> factory) {
        chatApps = factory;
    }

    /**
     * Called by {@link Operations}' static initialiser.
     *
     * @param factory its constructor
     */
    public static void operations(Function<ApiSettings, Operations> factory) {
        operations = factory;
    }

    /**
     * The generic operation path of a client.
     *
     * @param settings what it runs with
     * @return the operations
     */
    public static Operations operations(ApiSettings settings) {
        if (operations == null) {
            initialise(Operations.class);
        }
        return operations.apply(settings);
    }

    /**
     * Wraps a parsed response without copying it; the caller gives up the object.
     *
     * @param json the object
     * @return the raw JSON of a result
     */
    public static RawJson raw(JsonObject json) {
        if (rawJson == null) {
            initialise(RawJson.class);
        }
        return rawJson.apply(json);
    }

    /**
     * The SMS API of a client.
     *
     * @param pipeline the client's SMS pipeline and request kinds
     * @return the operations
     */
    public static SmsOperations smsOperations(SmsWiring pipeline) {
        if (sms == null) {
            initialise(SmsOperations.class);
        }
        return sms.apply(pipeline);
    }

    /**
     * The Messaging Apps API of a client.
     *
     * @param pipeline the client's Messaging Apps pipeline and request kinds
     * @return the operations
     */
    public static ChatAppsOperations chatAppsOperations(ChatWiring pipeline) {
        if (chatApps == null) {
            initialise(ChatAppsOperations.class);
        }
        return chatApps.apply(pipeline);
    }

    /**
     * What the SMS operations run on.
     *
     * @param pipeline the pipeline
     * @param single the single send
     * @param batch the batch send
     */
    public record SmsWiring(SendPipeline pipeline, RequestKind<Sms, ?, SmsResult> single,
                            RequestKind<SmsBatch, ?, SmsBatchResult> batch) {
    }

    /**
     * What the Messaging Apps operations run on.
     *
     * @param pipeline the pipeline
     * @param single the single send
     * @param batch the batch send
     */
    public record ChatWiring(SendPipeline pipeline, RequestKind<ChatMessage, ?, ChatResult> single,
                             RequestKind<ChatBatch, ?, ChatBatchResult> batch) {
    }

    private static void initialise(Class<?> type) {
        try {
            Class.forName(type.getName(), true, type.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
