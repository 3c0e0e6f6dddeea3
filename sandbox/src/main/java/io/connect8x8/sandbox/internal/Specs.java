package io.connect8x8.sandbox.internal;

import java.util.concurrent.CompletableFuture;

/**
 * The send validators of the spec set's two documents, built once per JVM from {@link Documents}: each completes as
 * soon as its own document is read as JSON (its fast path; the validator library's side follows once swagger-parser
 * has parsed it), so the first SMS waits neither for the parser nor for the published artifact's larger documents.
 */
public final class Specs {

    private static volatile Specs shared;

    /** The SMS API's send validator. */
    final CompletableFuture<SpecValidator> sms;
    /** The Messaging Apps API's send validator. */
    final CompletableFuture<SpecValidator> chatApps;
    /** Every document on the class path. */
    final Documents documents;

    private Specs(Documents documents) {
        this.documents = documents;
        this.sms = sendValidator(documents, "sms", FieldCodes.SMS);
        this.chatApps = sendValidator(documents, "messaging-apps", FieldCodes.CHAT_APPS);
    }

    /** A send's validator, ready for its fast path as soon as the document's JSON is read. */
    private static CompletableFuture<SpecValidator> sendValidator(Documents documents, String key, FieldCodes codes) {
        return documents.sendTreeAsync(key).thenApply(tree -> SpecValidator.of(tree, documents.setDocumentAsync(key),
                documents::parseNow, codes));
    }

    /**
     * The shared validators, loading in the background on first call: a cold JVM needs about a second to load the
     * parser and validator classes, and a simulator should bind and return from {@code start()} at once; the first
     * API request waits for the load instead.
     *
     * @return the validators, complete or loading
     */
    public static Specs shared() {
        Specs specs = shared;
        if (specs == null) {
            synchronized (Specs.class) {
                specs = shared;
                if (specs == null) {
                    specs = new Specs(Documents.shared());
                    shared = specs;
                }
            }
        }
        return specs;
    }
}
