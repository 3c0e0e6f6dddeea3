package io.connect8x8.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SandboxMainTest {

    @Test
    void printsBothBaseUrlsAndTheKey() {
        Sandbox.Builder builder = Sandbox.builder();
        SandboxMain.parse(new String[] {"--port", "0", "--api-key", "cli-key"}, builder);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        try (Sandbox sandbox = builder.build().start()) {
            SandboxMain.print(sandbox, new PrintStream(out, true, StandardCharsets.UTF_8));
            String printed = out.toString(StandardCharsets.UTF_8);

            assertTrue(printed.contains(sandbox.smsBaseUrl()), printed);
            assertTrue(printed.contains(sandbox.chatAppsBaseUrl()), printed);
            assertTrue(printed.contains("cli-key"), printed);
            assertEquals("cli-key", sandbox.apiKey());
        }
    }

    @Test
    void rejectsUnknownOptions() {
        assertThrows(IllegalArgumentException.class,
                () -> SandboxMain.parse(new String[] {"--colour", "red"}, Sandbox.builder()));
    }
}
