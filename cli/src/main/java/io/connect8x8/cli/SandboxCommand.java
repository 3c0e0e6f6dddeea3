package io.connect8x8.cli;

import io.connect8x8.cli.internal.PortConverter;
import io.connect8x8.cli.internal.Simulator;
import io.connect8x8.cli.internal.SimulatorFactory;
import io.connect8x8.sandbox.Sandbox;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sandbox}: runs the simulator (SMS, Messaging Apps and Verification APIs) in the foreground until Ctrl-C. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"Run the local simulator of the SMS, Messaging Apps and Verification APIs in the foreground, on "
                        + "127.0.0.1, until Ctrl-C.",
                "Prints its three base URLs and its (test) key, ready for --sms-url, --chatapps-url, --verify-url "
                        + "and --api-key, then one line per answered request (method, path, status, masked number) "
                        + "unless --quiet. With --api-key K the simulator accepts K instead of its default test key."},
        footerHeading = "%nExample:%n",
        footer = {"  connect8x8 sandbox --port 8088",
                "  connect8x8 --sms-url http://127.0.0.1:8088/sms --api-key sandbox-key --subaccount test "
                        + "sms send --to +6512345678 --text hi   (in another terminal; URLs as printed)"})
final class SandboxCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", converter = PortConverter.class,
            description = "The port (default 0: a free one).")
    int port;

    @Option(names = "--record-window", paramLabel = "N", defaultValue = "" + Sandbox.DEFAULT_RECORD_WINDOW,
            description = {"How many of the latest messages the simulator keeps whole for inspection (default: "
                    + "${DEFAULT-VALUE}). Its log export and message details list every message either way, from "
                    + "about 60 bytes kept per message."})
    int recordWindow;

    @Option(names = {"-q", "--quiet"},
            description = "Do not print a line for each answered request (method, path, status, masked number).")
    boolean quiet;

    /**
     * Answers one SMS sent to itself, then stops: the launcher's training run for the simulator's class-data archive
     * (so that the archive holds the classes of a whole answered send: Netty's, the fast path's, the record's).
     */
    @Option(names = "--answer-one-and-stop", hidden = true)
    boolean answerOneAndStop;

    /** Stops after this long: for tests, which cannot press Ctrl-C. */
    @Option(names = "--stop-after", hidden = true, paramLabel = "SECONDS")
    Double stopAfter;

    @Override
    public Integer call() throws InterruptedException {
        Connect8x8Command root = (Connect8x8Command) spec.root().userObject();
        if (recordWindow < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--record-window must be 0 or more");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        PrintWriter out = spec.commandLine().getOut();
        // --api-key (the inherited global option) is the key the simulator accepts; CONNECT8X8_API_KEY is not
        // used here, since it may hold a live key that this command would print.
        String key = root.apiKeyOption();
        Consumer<String> requestLog = quiet ? null : line -> {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        };
        Simulator simulator;
        try {
            simulator = root.context().simulators()
                    .start(new SimulatorFactory.Settings(port, 1.0, key, requestLog, recordWindow));
        } catch (UncheckedIOException e) {
            // A port taken by another process (or one the user may not bind) is the user's to change, not a bug.
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--port " + port
                    + ": cannot listen on 127.0.0.1:" + port + " (" + reason(e) + "); --port 0 takes a free one");
        }
        Thread hook = new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "connect8x8-sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("--sms-url      " + simulator.smsBaseUrl());
        out.println("--chatapps-url " + simulator.chatAppsBaseUrl());
        out.println("--verify-url   " + simulator.verifyBaseUrl());
        out.println("--api-key      " + (key == null ? simulator.apiKey() : "(the key you gave)"));
        out.println(quiet ? "Press Ctrl-C to stop." : "Press Ctrl-C to stop. Each answered request is listed below.");
        out.flush();
        if (answerOneAndStop) {
            Runtime.getRuntime().removeShutdownHook(hook);
            try {
                sendOne(simulator, key == null ? simulator.apiKey() : key);
            } finally {
                simulator.close();
            }
        } else if (stopAfter == null) {
            stopped.await();
        } else if (!stopped.await(Math.round(stopAfter * 1000), TimeUnit.MILLISECONDS)) {
            Runtime.getRuntime().removeShutdownHook(hook);
            simulator.close();
        }
        return ExitCodes.OK;
    }

    /**
     * The operating system's reason, such as "Address already in use", without the transport's prefix (Netty's
     * native transports say {@code bind(..) failed with error(-98): Address already in use}).
     */
    private static String reason(UncheckedIOException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = String.valueOf(cause.getMessage());
        return message.substring(message.lastIndexOf(": ") + 1).strip();
    }

    /**
     * Sends one valid SMS to the simulator with the JDK's {@code HttpURLConnection}; its outcome is not checked. Not
     * through the facade: the archive is for the server's start, and the client's classes (OkHttp, Kotlin's library,
     * the TLS set-up, the generated models: about 1,100 classes, a quarter of the archive) would only make every
     * start map and relocate a bigger file.
     */
    private static void sendOne(Simulator simulator, String key) {
        try {
            HttpURLConnection http = (HttpURLConnection) URI.create(simulator.smsBaseUrl()
                    + "/api/v1/subaccounts/cds-training/messages").toURL().openConnection();
            http.setRequestMethod("POST");
            http.setRequestProperty("Authorization", "Bearer " + key);
            http.setRequestProperty("Content-Type", "application/json");
            http.setDoOutput(true);
            http.setConnectTimeout(30_000);
            http.setReadTimeout(30_000);
            try (OutputStream out = http.getOutputStream()) {
                out.write("{\"destination\":\"+6591234567\",\"text\":\"training\"}".getBytes(StandardCharsets.UTF_8));
            }
            http.getResponseCode();
            http.disconnect();
        } catch (IOException e) {
            // A training run that did not answer leaves a smaller archive, not a failure.
        }
    }
}
