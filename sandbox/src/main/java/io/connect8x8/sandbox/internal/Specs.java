package io.connect8x8.sandbox.internal;

import java.util.concurrent.CompletableFuture;

/**
 * The send validators of the spec set's two documents, built once per JVM from {@link Documents}: each completes as
 * soon as its own document is parsed, so the first SMS does not wait for the Messaging Apps document (nor for the
 * published artifact's larger documents).
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
        this.sms = documents.setDocumentAsync("sms").thenApply(document -> SpecValidator.of(document, FieldCodes.SMS));
        this.chatApps = documents.setDocumentAsync("messaging-apps")
                .thenApply(document -> SpecValidator.of(document, FieldCodes.CHAT_APPS));
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
