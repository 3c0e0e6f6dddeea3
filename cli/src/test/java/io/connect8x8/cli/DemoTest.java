package io.connect8x8.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.cli.internal.Simulator;
import io.connect8x8.cli.internal.SimulatorFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The demo and sandbox commands over a simulator stand-in that answers and posts receipts. */
class DemoTest {

    private final List<FakeApi> started = new CopyOnWriteArrayList<>();

    private final SimulatorFactory fake = (port, factor) -> {
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
    void demoRunsBothFlowsAndPrintsReceiptsAsTheyArrive() {
        long start = System.nanoTime();
        Cli.Run run = Cli.withSimulators(fake).run("demo");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(System.nanoTime() - start < 10_000_000_000L);
        String out = run.out();
        assertTrue(out.contains("== 1. WhatsApp authentication template"), out);
        assertTrue(out.contains("\"name\": \"your_authentication_template_name\""), out);
        assertTrue(out.contains("\"Authorization\": \"Bearer ****\""), out);
        assertTrue(out.contains("<- receipt ChatApps umid=umid-1 state=queued\n"
                + "<- receipt ChatApps umid=umid-1 state=delivered\n<- receipt ChatApps umid=umid-1 state=read\n"), out);
        assertTrue(out.contains("== 2. SMS"), out);
        assertTrue(out.contains("<- receipt SMS umid=umid-2 state=delivered detail=delivered_to_recipient\n"), out);
        assertTrue(out.endsWith("Demo complete.\n"), out);
        assertTrue(out.indexOf("dlrCallbackUrl\": \"http://127.0.0.1:") > 0, out);
        assertEquals(2, started.get(0).requests().size());
    }

    @Test
    void sandboxPrintsItsUrlsAndKey() {
        Cli.Run run = Cli.withSimulators(fake).run("sandbox", "--stop-after", "0.1");
        assertEquals(0, run.exitCode(), run.err());
        FakeApi api = started.get(0);
        assertEquals("--sms-url      " + api.smsUrl() + "\n--chatapps-url " + api.chatUrl()
                + "\n--api-key      sandbox-key\nPress Ctrl-C to stop.\n", run.out());
    }
}
