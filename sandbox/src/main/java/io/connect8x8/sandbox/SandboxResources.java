package io.connect8x8.sandbox;

import io.connect8x8.Connect8x8Client;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a {@link SandboxExtension} runs for one scope (a test class or one test): the simulator and, once asked for,
 * the client pointed at it. Kept in JUnit's Store, which closes it when the scope ends: JUnit 5.13 and later close an
 * {@link AutoCloseable}, earlier versions a {@code CloseableResource}; closing twice does nothing.
 */
@SuppressWarnings("deprecation") // CloseableResource: for JUnit before 5.13, which does not close an AutoCloseable
final class SandboxResources implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    private final Sandbox sandbox;
    private final Function<Sandbox, Connect8x8Client> clientFactory;
    private Connect8x8Client client;
    private boolean closed;

    SandboxResources(Sandbox sandbox, Function<Sandbox, Connect8x8Client> clientFactory) {
        this.sandbox = sandbox;
        this.clientFactory = clientFactory;
    }

    Sandbox sandbox() {
        return sandbox;
    }

    /** The client, built on first use so that tests without one do not pay for its threads. */
    synchronized Connect8x8Client client() {
        if (closed) {
            throw new IllegalStateException("the sandbox of this scope is closed");
        }
        if (client == null) {
            client = clientFactory.apply(sandbox);
        }
        return client;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Closes the client, then the simulator. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            sandbox.close();
        }
    }
}
