package io.connect8x8.sandbox.internal;

/**
 * The validators of the two bundled documents, built once per JVM: parsing a document and building its validator
 * costs far more than a request, and both are immutable, so every simulator shares them.
 */
public final class Specs {

    private static volatile Specs shared;

    /** The SMS API's validator. */
    final SpecValidator sms;
    /** The Messaging Apps API's validator. */
    final SpecValidator chatApps;

    private Specs() {
        sms = SpecValidator.load("sms.json", FieldCodes.SMS);
        chatApps = SpecValidator.load("messaging-apps.json", FieldCodes.CHAT_APPS);
    }

    /**
     * The shared validators, built on first use.
     *
     * @return the validators
     */
    public static Specs shared() {
        Specs specs = shared;
        if (specs == null) {
            synchronized (Specs.class) {
                specs = shared;
                if (specs == null) {
                    specs = new Specs();
                    shared = specs;
                }
            }
        }
        return specs;
    }
}
