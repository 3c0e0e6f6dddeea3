package io.connect8x8.internal;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;

/**
 * The JVM's default {@link ProxySelector}, looked up for each request rather than once, so that an application that
 * installs its own selector (or changes the proxy system properties) after building the client is honoured.
 */
public final class SystemProxySelector extends ProxySelector {

    /** The one instance. */
    public static final SystemProxySelector INSTANCE = new SystemProxySelector();

    private SystemProxySelector() {
    }

    /**
     * The proxies the JVM's default selector gives, or none when there is no default selector.
     *
     * @param uri the URI to connect to
     * @return the proxies to try in order
     */
    @Override
    public List<Proxy> select(URI uri) {
        ProxySelector current = ProxySelector.getDefault();
        return current == null || current == this ? List.of(Proxy.NO_PROXY) : current.select(uri);
    }

    /**
     * Tells the JVM's default selector of a failed proxy.
     *
     * @param uri the URI
     * @param address the proxy's address
     * @param failure the failure
     */
    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        ProxySelector current = ProxySelector.getDefault();
        if (current != null && current != this) {
            current.connectFailed(uri, address, failure);
        }
    }
}
