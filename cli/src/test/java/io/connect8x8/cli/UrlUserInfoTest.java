package io.connect8x8.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 6: {@code --verbose} prints its settings line before the client refuses a base URL that carries
 * user information; the key in {@code http://user:KEY@host/} must not be in that line (nor anywhere else), whether
 * the URL came as an option or from the environment.
 */
class UrlUserInfoTest {

    private static final List<String> URLS = List.of(
            "http://user:" + Cli.KEY + "@127.0.0.1:1/",
            "http://" + Cli.KEY + "@127.0.0.1:1/sms",
            // A key holding '/', '?' or '#' ends the authority early for a URI parser; the line is still redacted.
            "https://user:" + Cli.KEY + "/x?y#z@sms.example.test/",
            "user:" + Cli.KEY + "@127.0.0.1:1");

    private static void assertRefusedWithoutTheKey(Cli.Run run, String what) {
        assertEquals(ExitCodes.USAGE, run.exitCode(), what + "\n" + run.all());
        assertFalse(run.all().contains(Cli.KEY), what + "\n" + run.all());
        assertTrue(run.err().contains("[debug] settings:"), "the settings line is still printed\n" + run.all());
        assertTrue(run.err().contains("****@"), "the user information is shown as redacted\n" + run.all());
    }

    @Test
    void aKeyInAnSmsUrlOptionIsNeverPrinted() {
        for (String url : URLS) {
            assertRefusedWithoutTheKey(Cli.plain().run("--api-key", "other-key-1234", "--subaccount", "acme",
                    "--sms-url", url, "--verbose", "sms", "send", "--to", "+6512345678", "--text", "hi"), url);
        }
    }

    @Test
    void aKeyInTheEnvironmentsUrlsIsNeverPrinted() {
        for (String url : URLS) {
            for (String variable : List.of("CONNECT8X8_SMS_URL", "CONNECT8X8_CHATAPPS_URL")) {
                Map<String, String> env = Map.of("CONNECT8X8_API_KEY", "other-key-1234",
                        "CONNECT8X8_SUBACCOUNT_ID", "acme", variable, url);
                assertRefusedWithoutTheKey(Cli.withEnv(env).run("--verbose", "chat", "send", "--to", "+6512345678",
                        "--text", "hi"), variable + "=" + url);
            }
        }
    }
}
