package io.connect8x8.cli.internal;

/**
 * A running simulator of the three APIs (SMS, Messaging Apps, Verification), as the {@code sandbox} and
 * {@code demo} commands use it: the seam between the CLI and {@code io.connect8x8.sandbox.Sandbox}, so that tests
 * can put a fake behind it.
 */
public interface Simulator extends AutoCloseable {

    /**
     * Returns the SMS API's base URL, such as {@code http://127.0.0.1:PORT/sms}.
     *
     * @return the SMS API's base URL, such as {@code http://127.0.0.1:PORT/sms}
     */
    String smsBaseUrl();

    /**
     * Returns the Messaging Apps API's base URL.
     *
     * @return the Messaging Apps API's base URL
     */
    String chatAppsBaseUrl();

    /**
     * Returns the Verification API's base URL. {@code sandbox} prints it: without it, a {@code verify} command run
     * with only the other two URLs set would call 8x8's live Verification host.
     *
     * @return the Verification API's base URL, such as {@code http://127.0.0.1:PORT/verify}
     */
    String verifyBaseUrl();

    /**
     * Returns the key the simulator accepts (a fixed test key, not a secret).
     *
     * @return the key the simulator accepts (a fixed test key, not a secret)
     */
    String apiKey();

    /** Stops serving and releases the simulator's threads; idempotent. */
    @Override
    void close();
}
