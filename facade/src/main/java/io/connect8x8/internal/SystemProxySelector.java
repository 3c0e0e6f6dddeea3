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

    @Override
    public List<Proxy> select(URI uri) {
        ProxySelector current = ProxySelector.getDefault();
        return current == null || current == this ? List.of(Proxy.NO_PROXY) : current.select(uri);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        ProxySelector current = ProxySelector.getDefault();
        if (current != null && current != this) {
            current.connectFailed(uri, address, failure);
        }
    }
}
