package io.connect8x8.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the simulator's start loads, read from the JVM's class-loading log of a child process: the launcher records
 * the class-data archive of {@code connect8x8 sandbox} from this very run ({@code sandbox --answer-one-and-stop}),
 * so every class it loads is mapped, and relocated, at each later start.
 */
class SandboxStartClassesTest {

    @Test
    void theTrainingRunLoadsNeitherTheFlightRecordersEventsNorTheClient(@TempDir Path tmp)
            throws Exception {
        Path log = tmp.resolve("classes.log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xlog:class+load=info:file=" + log,
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "sandbox", "--quiet", "--port", "0", "--answer-one-and-stop")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("out.txt").toFile()).start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the training run did not end");
        assertEquals(0, process.exitValue(), Files.readString(tmp.resolve("out.txt")));

        List<String> classes = Files.readAllLines(log, StandardCharsets.UTF_8);
        // The run answered its SMS: the simulator's send path was loaded, so the absences below mean something.
        assertTrue(loaded(classes, "io.connect8x8.sandbox.internal.SmsApi"), "no answered send in the log");
        // Netty's allocator events (io.netty.buffer.*Event) would register their types with the flight recorder's
        // metadata: Main turns them off (io.netty.jfr.enabled=false). Netty still asks whether a recorder exists,
        // which loads a few of its classes, but no event type is registered.
        assertTrue(classes.stream().noneMatch(line -> line.contains(" jdk.jfr.internal.MetadataRepository ")),
                () -> "the flight recorder's metadata was set up: " + first(classes, " jdk.jfr.internal.Metadata"));
        // The training send goes through HttpURLConnection, not the facade's client: neither the client nor the TLS
        // set-up its OkHttp makes at build time. (The simulator loads some of OkHttp itself: it posts the receipts.)
        assertTrue(!loaded(classes, "io.connect8x8.Connect8x8Client"), "the client was loaded");
        assertTrue(!loaded(classes, "sun.security.ssl.SSLContextImpl"), "TLS was set up");
    }

    private static boolean loaded(List<String> classes, String name) {
        return classes.stream().anyMatch(line -> line.contains(" " + name + " "));
    }

    private static String first(List<String> classes, String part) {
        return classes.stream().filter(line -> line.contains(part)).findFirst().orElse("");
    }
}
