package io.connect8x8.cli;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.Connect8x8Exception;
import io.connect8x8.cli.internal.Simulator;
import io.connect8x8.sandbox.Sandbox;
import io.connect8x8.sms.Sms;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sandbox}: runs the simulator in the foreground until Ctrl-C. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"Run the local simulator of both APIs in the foreground, on 127.0.0.1, until Ctrl-C.",
                "Prints its two base URLs and its (test) key, ready for --sms-url, --chatapps-url and --api-key, then one "
                        + "line per answered request (method, path, status, masked number) unless --quiet. With "
                        + "--api-key K the simulator accepts K instead of its default test key."},
        footerHeading = "%nExample:%n",
        footer = {"  connect8x8 sandbox --port 8088",
                "  connect8x8 --sms-url http://127.0.0.1:8088/sms --api-key sandbox-key --subaccount test "
                        + "sms send --to +6512345678 --text hi   (in another terminal; URLs as printed)"})
final class SandboxCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "The port (default 0: a free one).")
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
        if (port < 0 || port > 65_535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--port must be 0 to 65535");
        }
        if (recordWindow < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--record-window must be 0 or more");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        PrintWriter out = spec.commandLine().getOut();
        // --api-key (the inherited global option) is the key the simulator accepts; CONNECT8X8_API_KEY is not
        // used here, since it may hold a live key that this command would print.
        String key = root.apiKeyOption();
        Simulator simulator = root.context().simulators().start(port, 1.0, key, quiet ? null : line -> {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        }, recordWindow);
        Thread hook = new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "connect8x8-sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("--sms-url      " + simulator.smsBaseUrl());
        out.println("--chatapps-url " + simulator.chatAppsBaseUrl());
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
     * Sends one valid SMS to the simulator through the facade, as every send does; its outcome is not checked (a
     * training run only loads the classes of an answered send, the client's included).
     */
    private static void sendOne(Simulator simulator, String key) {
        try (Connect8x8Client client = Connect8x8Client.builder().apiKey(key).subAccountId("cds-training")
                .smsBaseUrl(simulator.smsBaseUrl()).chatAppsBaseUrl(simulator.chatAppsBaseUrl())
                .callTimeout(Duration.ofSeconds(30)).build()) {
            client.sms().send(Sms.builder().to("+6591234567").text("training").build());
        } catch (Connect8x8Exception e) {
            // A training run that did not answer leaves a smaller archive, not a failure.
        }
    }
}
