package io.connect8x8.internal;

import java.nio.charset.StandardCharsets;
import okhttp3.Authenticator;
import okhttp3.Credentials;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

/**
 * Answers an HTTP proxy's challenge (407, or OkHttp's preemptive one before an HTTPS tunnel) with Basic credentials,
 * once: a second 407 reaches the caller as an API error. The proxy forwarded nothing, so the retry may carry the body
 * under {@link AttemptTracker}'s one-shot mark.
 */
public final class ProxyAuthenticator implements Authenticator {

    private final String credential;

    /**
     * Makes the authenticator for one proxy account.
     *
     * @param username the user name
     * @param password the password
     */
    public ProxyAuthenticator(String username, String password) {
        this.credential = Credentials.basic(username, password, StandardCharsets.UTF_8);
    }

    /** The challenged request again, with the credentials; null when they were already refused. */
    @Override
    public Request authenticate(Route route, Response response) {
        Request challenged = response.request();
        if (challenged.header("Proxy-Authorization") != null) {
            return null;
        }
        Request.Builder retry = challenged.newBuilder().header("Proxy-Authorization", credential);
        if (challenged.body() != null) {
            retry.method(challenged.method(), AttemptTracker.replayable(challenged.body()));
        }
        return retry.build();
    }

    /** Says nothing of the credentials. */
    @Override
    public String toString() {
        return "ProxyAuthenticator{credentials=****}";
    }
}
