package io.connect8x8.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.cli.internal.Simulator;
import io.connect8x8.cli.internal.SimulatorFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The demo and sandbox commands, on the bundled simulator and over a stand-in that answers and posts receipts. */
class DemoTest {

    private final List<FakeApi> started = new CopyOnWriteArrayList<>();

    private final SimulatorFactory fake = settings -> {
        try {
            FakeApi api = new FakeApi(true);
            started.add(api);
            return new Simulator() {
                @Override
                public String smsBaseUrl() {
                    return api.smsUrl();
                }

                @Override
                public String chatAppsBaseUrl() {
                    return api.chatUrl();
                }

                @Override
                public String verifyBaseUrl() {
                    return api.smsUrl().replace("/sms", "/verify");
                }

                @Override
                public String apiKey() {
                    return "sandbox-key";
                }

                @Override
                public void close() {
                    api.close();
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };

    @Test
    void demoRunsBothFlowsOnTheBundledSimulatorAndPrintsTheirReceipts() {
        Cli.Run run = Cli.withSimulators(SimulatorFactory.bundled()).run("demo");

        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.contains("== 1. WhatsApp authentication template"), out);
        assertTrue(out.contains("\"name\": \"your_authentication_template_name\""), out);
        assertTrue(out.contains("\"Authorization\": \"Bearer ****\""), out);
        assertTrue(out.contains("\"clientMessageId\": \"demo-otp-1\""), out);
        Matcher chat = Pattern.compile("<- receipt ChatApps umid=(\\S+) state=queued detail=\\S+\n"
                + "<- receipt ChatApps umid=\\1 state=delivered detail=delivered_to_operator\n"
                + "<- receipt ChatApps umid=\\1 state=delivered detail=delivered_to_recipient\n"
                + "<- receipt ChatApps umid=\\1 state=read detail=\\S+\n").matcher(out);
        assertTrue(chat.find(), out);
        assertTrue(out.contains("== 2. SMS"), out);
        assertTrue(Pattern.compile("<- receipt SMS umid=\\S+ state=delivered detail=delivered_to_recipient")
                .matcher(out).find(), out);
        assertTrue(out.endsWith("Demo complete.\n"), out);
        assertTrue(out.indexOf("dlrCallbackUrl\": \"http://127.0.0.1:") > 0, out);
        assertEquals("", run.err());
    }

    @Test
    void demoShowsEachStepOverAStandIn() {
        Cli.Run run = Cli.withSimulators(fake).run("demo");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(2, started.get(0).requests().size());
        assertTrue(run.out().contains("<- receipt SMS umid=umid-2 state=delivered detail=delivered_to_recipient\n"),
                run.out());
    }

    /**
     * The URLs of the three APIs it serves, on one port: without the Verification API's, a user who sets the URLs
     * shown would run {@code verify send} against 8x8's live Verification host.
     */
    @Test
    void sandboxCommandRunsTheBundledSimulator() {
        Cli.Run run = Cli.withSimulators(SimulatorFactory.bundled()).run("sandbox", "--stop-after", "0.1");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Pattern.compile("--sms-url      http://127\\.0\\.0\\.1:(\\d+)/sms\n"
                + "--chatapps-url http://127\\.0\\.0\\.1:\\1/chatapps\n"
                + "--verify-url   http://127\\.0\\.0\\.1:\\1/verify\n--api-key      sandbox-key\n")
                .matcher(run.out()).find(), run.out());
    }

    @Test
    void sandboxPrintsItsUrlsAndKey() {
        Cli.Run run = Cli.withSimulators(fake).run("sandbox", "--quiet", "--stop-after", "0.1");
        assertEquals(0, run.exitCode(), run.err());
        FakeApi api = started.get(0);
        assertEquals("--sms-url      " + api.smsUrl() + "\n--chatapps-url " + api.chatUrl()
                + "\n--verify-url   " + api.smsUrl().replace("/sms", "/verify")
                + "\n--api-key      sandbox-key\nPress Ctrl-C to stop.\n", run.out());
    }
}
