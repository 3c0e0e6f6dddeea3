package io.connect8x8.spring;

import io.connect8x8.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;

/**
 * The simulator of sandbox mode ({@code connect8x8.sandbox.enabled=true}), as a bean. It starts last, after the web
 * server, so that it can post receipts to the application's own webhook endpoint on the port the server was given;
 * the client bean is pointed at its base URLs before that, which is why the port is chosen when this bean is created.
 */
public final class SandboxServer implements SmartLifecycle {

    private final int port;
    private final double receiptTimeFactor;
    private final Supplier<String> webhookUrl;
    private volatile Sandbox sandbox;

    /**
     * Creates the server, not yet started.
     *
     * @param port              the port on 127.0.0.1, or 0 to choose a free one now
     * @param receiptTimeFactor scales the receipt delays
     * @param webhookUrl        gives the webhook URL at start, or null for none
     */
    public SandboxServer(int port, double receiptTimeFactor, Supplier<String> webhookUrl) {
        this.port = port != 0 ? port : freePort();
        this.receiptTimeFactor = receiptTimeFactor;
        this.webhookUrl = Objects.requireNonNull(webhookUrl, "webhookUrl");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on loopback for the sandbox", e);
        }
    }

    /**
     * The SMS API's base URL, known before the simulator starts.
     *
     * @return the URL
     */
    public String smsBaseUrl() {
        return "http://127.0.0.1:" + port + "/sms";
    }

    /**
     * The Messaging Apps API's base URL, known before the simulator starts.
     *
     * @return the URL
     */
    public String chatAppsBaseUrl() {
        return "http://127.0.0.1:" + port + "/chatapps";
    }

    /**
     * The Verification API's base URL, known before the simulator starts.
     *
     * @return the URL
     */
    public String verifyBaseUrl() {
        return "http://127.0.0.1:" + port + "/verify";
    }

    /**
     * The key the simulator accepts.
     *
     * @return the key
     */
    public String apiKey() {
        return Sandbox.DEFAULT_API_KEY;
    }

    /**
     * The running simulator, for assertions on what was sent and on receipts.
     *
     * @return the simulator
     * @throws IllegalStateException before the application context has started
     */
    public Sandbox sandbox() {
        Sandbox running = sandbox;
        if (running == null) {
            throw new IllegalStateException("The sandbox starts with the application context; it has not yet");
        }
        return running;
    }

    /** Starts the simulator, posting receipts to the webhook URL known now. */
    @Override
    public synchronized void start() {
        if (sandbox != null) {
            return;
        }
        Sandbox.Builder builder = Sandbox.builder().port(port).receiptTimeFactor(receiptTimeFactor);
        String url = webhookUrl.get();
        if (url != null) {
            builder.webhookUrl(url);
        }
        sandbox = builder.build().start();
    }

    /** Stops the simulator. */
    @Override
    public synchronized void stop() {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }

    /**
     * Whether the simulator is running.
     *
     * @return true between start and stop
     */
    @Override
    public boolean isRunning() {
        return sandbox != null;
    }

    /**
     * Starts after every other lifecycle bean, the web server included.
     *
     * @return {@link SmartLifecycle#DEFAULT_PHASE}
     */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE;
    }
}
