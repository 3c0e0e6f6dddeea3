package io.connect8x8;

import io.connect8x8.internal.ProxyAuthenticator;
import io.connect8x8.internal.SystemProxySelector;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.Objects;
import okhttp3.Authenticator;
import okhttp3.OkHttpClient;

/**
 * The HTTP proxy the client sends through ({@link Connect8x8Client.Builder#proxy(HttpProxy)}): a fixed one, with
 * optional Basic credentials, the JVM's proxy settings, or none. The credentials are sent only to the proxy when it
 * asks, and never appear in {@link #toString()}, logs or exception messages; neither does the user name.
 *
 * <pre>{@code
 * Connect8x8Client client = Connect8x8Client.builder()
 *         .subAccountId("your-subaccount")
 *         .proxy(HttpProxy.of("proxy.example.com", 3128).withCredentials("user", System.getenv("PROXY_PASSWORD")))
 *         .build();
 * }</pre>
 */
public final class HttpProxy {

    /** How the proxy is chosen: one for every request, the JVM's default selector's, or none. */
    enum Kind {
        FIXED, SYSTEM, DIRECT
    }

    private final Kind kind;
    private final String host;
    private final int port;
    private final String username;
    private final String password;

    private HttpProxy(Kind kind, String host, int port, String username, String password) {
        this.kind = kind;
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
    }

    /**
     * A fixed HTTP proxy. HTTPS requests go through it in a {@code CONNECT} tunnel: the proxy sees the host name,
     * never the key or the messages.
     *
     * @param host the proxy's host name or address
     * @param port the proxy's port, 1 to 65535
     * @return the proxy, without credentials
     * @throws ValidationException naming {@code proxy.host} or {@code proxy.port}
     */
    public static HttpProxy of(String host, int port) {
        if (host == null || host.isBlank() || !host.chars().allMatch(c -> c > 0x20 && c < 0x7f)
                || host.contains("/") || host.contains("@")) {
            throw new ValidationException("proxy.host", "must be a host name or address, without scheme or path");
        }
        if (port < 1 || port > 65535) {
            throw new ValidationException("proxy.port", "must be between 1 and 65535");
        }
        return new HttpProxy(Kind.FIXED, host, port, null, null);
    }

    /**
     * The JVM's default {@link java.net.ProxySelector}, asked for each request (the {@code http(s).proxyHost} system
     * properties, or the application's selector). The client's default too; this wins over the proxy of an
     * OkHttpClient given to {@link Connect8x8Client.Builder#httpClient}.
     *
     * @return the JVM's proxy settings, without credentials
     */
    public static HttpProxy system() {
        return new HttpProxy(Kind.SYSTEM, null, 0, null, null);
    }

    /** {@return no proxy: connect to the API directly, whatever the JVM's settings say} */
    public static HttpProxy direct() {
        return new HttpProxy(Kind.DIRECT, null, 0, null, null);
    }

    /**
     * This proxy with Basic credentials, sent when the proxy asks for them.
     *
     * @param username the user name; not shown anywhere
     * @param password the password; not shown anywhere
     * @return a copy with the credentials
     * @throws ValidationException when the user name is blank or holds a colon (Basic authentication cannot carry
     *     one), or for {@link #direct()}
     */
    public HttpProxy withCredentials(String username, String password) {
        if (kind == Kind.DIRECT) {
            throw new ValidationException("proxy", "a direct connection takes no credentials");
        }
        if (username == null || username.isEmpty() || username.indexOf(':') >= 0) {
            throw new ValidationException("proxy.username", "must be non-empty and without a colon");
        }
        Objects.requireNonNull(password, "password");
        return new HttpProxy(kind, host, port, username, password);
    }

    /** Sets this proxy on a client's OkHttp builder; a proxy or credentials of a given OkHttpClient are replaced. */
    void applyTo(OkHttpClient.Builder http) {
        switch (kind) {
            case FIXED -> http.proxy(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port)));
            case DIRECT -> http.proxy(Proxy.NO_PROXY);
            case SYSTEM -> http.proxy(null).proxySelector(SystemProxySelector.INSTANCE);
            default -> throw new IllegalStateException("unknown proxy kind " + kind);
        }
        http.proxyAuthenticator(username == null ? Authenticator.NONE : new ProxyAuthenticator(username, password));
    }

    /** {@return the proxy without its credentials: {@code HttpProxy{proxy.example.com:3128, credentials=****}}} */
    @Override
    public String toString() {
        String where = switch (kind) {
            case FIXED -> host + ":" + port;
            case SYSTEM -> "system";
            case DIRECT -> "direct";
        };
        return "HttpProxy{" + where + (username != null ? ", credentials=****" : "") + "}";
    }
}
