package io.connect8x8.sandbox;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link Sandbox} in the foreground until the process is stopped.
 *
 * <pre>
 * java -cp ... io.connect8x8.sandbox.SandboxMain [--port N] [--host H] [--api-key K] [--webhook URL]
 *     [--rate-limit N]
 * </pre>
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    /**
     * Starts the simulator, prints its base URLs and key, and waits.
     *
     * @param args the options above
     * @throws InterruptedException when interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        // Netty's buffer allocator registers its JFR event types when the JVM has a flight recorder: about 100 ms of
        // CPU at start for a profiling feature the simulator does not use. A -D option still wins. (Set here, not in
        // the library: an embedding application's own Netty reads the same property.)
        if (System.getProperty("io.netty.jfr.enabled") == null) {
            System.setProperty("io.netty.jfr.enabled", "false");
        }
        Sandbox.Builder builder = Sandbox.builder();
        try {
            parse(args, builder);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: SandboxMain [--port N] [--host H] [--api-key K] [--webhook URL]"
                    + " [--rate-limit N]");
            System.exit(2);
            return;
        }
        Sandbox sandbox = builder.build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "sandbox-shutdown"));
        print(sandbox, System.out);
        new CountDownLatch(1).await();
    }

    static void parse(String[] args, Sandbox.Builder builder) {
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--port" -> builder.port(Integer.parseInt(value));
                case "--host" -> builder.host(value);
                case "--api-key" -> builder.apiKey(value);
                case "--webhook" -> builder.webhookUrl(value);
                case "--rate-limit" -> builder.rateLimit(Integer.parseInt(value));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
    }

    static void print(Sandbox sandbox, PrintStream out) {
        out.println("8x8 sandbox listening");
        out.println("SMS API:            " + sandbox.smsBaseUrl());
        out.println("Messaging Apps API: " + sandbox.chatAppsBaseUrl());
        out.println("Verification API:   " + sandbox.verifyBaseUrl());
        out.println("API key:            " + sandbox.apiKey());
        out.println("Admin:              " + sandbox.rootUrl() + "/__admin/messages");
        out.flush();
    }
}
