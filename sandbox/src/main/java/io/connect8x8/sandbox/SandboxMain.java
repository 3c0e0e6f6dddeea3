package io.connect8x8.sandbox;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link Sandbox} in the foreground until the process is stopped.
 *
 * <pre>
 * java -cp ... io.connect8x8.sandbox.SandboxMain [--port N] [--host H] [--api-key K] [--webhook URL]
 *     [--rate-limit N]
 * </pre>
 *
 * <p>Exit codes: 0 after {@code --help}; 2 for a bad option or an address it cannot listen on (one line on stderr
 * naming the option); 1 for an internal error (a bug, with its stack trace). Otherwise it runs until stopped.
 */
public final class SandboxMain {

    /** Bad usage, or an address the simulator cannot listen on: the same code as {@code connect8x8 sandbox}. */
    static final int EXIT_USAGE = 2;

    static final String USAGE = "usage: SandboxMain [--port N] [--host H] [--api-key K] [--webhook URL]"
            + " [--rate-limit N]";

    private static final Set<String> OPTIONS = Set.of("--port", "--host", "--api-key", "--webhook", "--rate-limit");

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
        int code = run(args, System.out, System.err, sandbox -> {
            Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "sandbox-shutdown"));
            new CountDownLatch(1).await();
        });
        if (code != 0) {
            System.exit(code);
        }
    }

    /** What to do with the started simulator; {@link #main} waits for the process to be stopped. */
    @FunctionalInterface
    interface Serve {
        void serve(Sandbox sandbox) throws InterruptedException;
    }

    /**
     * Parses the options, starts the simulator, prints its URLs and hands it to {@code serve}; an expected failure is
     * one line on {@code err} and an exit code, never a stack trace. The simulator is closed when {@code serve}
     * returns.
     *
     * @return the exit code: 0 after {@code --help} or when {@code serve} returned, {@link #EXIT_USAGE} for a bad
     *     option or an address that cannot be listened on
     */
    static int run(String[] args, PrintStream out, PrintStream err, Serve serve) throws InterruptedException {
        Sandbox.Builder builder = Sandbox.builder();
        Sandbox sandbox;
        try {
            if (parse(args, builder)) {
                out.println(USAGE);
                out.flush();
                return 0;
            }
            sandbox = builder.build();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            err.flush();
            return EXIT_USAGE;
        }
        try {
            sandbox.start();
        } catch (UncheckedIOException e) {
            // A port taken by another process (or an address not on this machine) is the user's to change, not a
            // bug: the same line as connect8x8 sandbox's.
            err.println("error: " + cannotListen(args, e));
            err.flush();
            return EXIT_USAGE;
        }
        try {
            print(sandbox, out);
            serve.serve(sandbox);
        } finally {
            sandbox.close();
        }
        return 0;
    }

    /**
     * Applies the options to the builder.
     *
     * @return whether {@code --help} (or {@code -h}) was asked for
     * @throws IllegalArgumentException naming the option, for an unknown option, a missing value or a bad value
     */
    static boolean parse(String[] args, Sandbox.Builder builder) {
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                return true;
            }
            if (!OPTIONS.contains(option)) {
                // Not its value: a misspelt --api-key's would be the key.
                throw new IllegalArgumentException("unknown option " + option);
            }
            if (i + 1 >= args.length || OPTIONS.contains(args[i + 1])) {
                throw new IllegalArgumentException("missing value for " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--port" -> builder.port(number(option, value, 65_535, "a number from 0 to 65535"));
                case "--host" -> builder.host(host(value));
                case "--api-key" -> {
                    if (value.isBlank()) {
                        throw new IllegalArgumentException("--api-key must not be blank");
                    }
                    builder.apiKey(value);
                }
                case "--webhook" -> builder.webhookUrl(webhook(value));
                case "--rate-limit" -> builder.rateLimit(number(option, value, Integer.MAX_VALUE,
                        "a number of requests a second, 0 (no limit) or more"));
                default -> throw new IllegalStateException(option);
            }
        }
        return false;
    }

    private static int number(String option, String value, int max, String wanted) {
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number < 0 || number > max) {
            throw new IllegalArgumentException(option + " must be " + wanted + ": '" + value + "'");
        }
        return number;
    }

    private static String host(String value) {
        try {
            InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--host must be an IP address or a name this machine resolves: '"
                    + value + "'");
        }
        return value;
    }

    private static String webhook(String value) {
        String scheme;
        try {
            scheme = URI.create(value).getScheme();
        } catch (IllegalArgumentException e) {
            scheme = null;
        }
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("--webhook must be an http or https URL: '" + value + "'");
        }
        return value;
    }

    /**
     * The line for an address the simulator could not bind, with the operating system's reason (such as "Address
     * already in use") without the transport's prefix (Netty's native transports say
     * {@code bind(..) failed with error(-98): Address already in use}).
     */
    private static String cannotListen(String[] args, UncheckedIOException e) {
        String host = "127.0.0.1";
        String port = "0";
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--host")) {
                host = args[i + 1];
            } else if (args[i].equals("--port")) {
                port = args[i + 1];
            }
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = String.valueOf(cause.getMessage());
        String reason = message.substring(message.lastIndexOf(": ") + 1).strip();
        String address = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        if (reason.toLowerCase(Locale.ROOT).contains("in use")) {
            return "--port " + port + ": cannot listen on " + address + " (" + reason + "); --port 0 takes a free one";
        }
        return "cannot listen on " + address + " (" + reason + ")";
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
