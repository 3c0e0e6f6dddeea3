package io.connect8x8.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script builds the jar in a clean clone and runs it. Slow (one Maven build, offline when the local
 * repository has everything), and it tests what is committed, not the working tree.
 */
@Tag("launcher")
class LauncherTest {

    @Test
    void launcherBuildsOnFirstUseInACleanCloneAndRuns(@TempDir Path tmp) throws Exception {
        Path repo = Path.of(System.getProperty("connect8x8.repo.dir", "..")).toAbsolutePath().normalize();
        Path clone = tmp.resolve("clone");
        Result cloned = exec(tmp, List.of("git", "clone", "-q", repo.toString(), clone.toString()));
        assertEquals(0, cloned.code, cloned.output);

        // Run from another directory: the script finds its repository itself. The run that builds the jar still
        // shows the command's own error line on stderr, and its exit code.
        Result first = exec(tmp, List.of(clone.resolve("connect8x8").toString(), "--api-key", "k", "--subaccount",
                "acme", "sms", "send", "--to", "123", "--text", "hi"));
        assertEquals(2, first.code, first.output);
        assertTrue(first.output.contains("building the command line jar"), first.output);
        assertTrue(first.output.contains("connect8x8: invalid destination"), first.output);

        Result second = exec(clone, List.of("./connect8x8", "sms", "info", "--text", "hi"));
        assertEquals(0, second.code, second.output);
        assertTrue(second.output.contains("encoding:   GSM7"), second.output);
        assertTrue(second.output.contains("parts:      1 (160 a part)"), second.output);
        assertTrue(!second.output.contains("building"), "the second run reuses the jar: " + second.output);

        // "sandbox" as a value is not the command: the launcher keeps the short commands' JVM options and archive,
        // and records no simulator archive.
        Result third = exec(clone, List.of("./connect8x8", "sms", "info", "--text", "sandbox"));
        assertEquals(0, third.code, third.output);
        assertTrue(third.output.contains("parts:      1 (160 a part)"), third.output);
        try (Stream<Path> files = Files.list(clone.resolve("cli/target"))) {
            List<String> archives = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".jsa")).toList();
            assertTrue(archives.stream().noneMatch(name -> name.startsWith("connect8x8-sandbox-")), archives::toString);
        }
    }

    private record Result(int code, String output) {
    }

    private static Result exec(Path dir, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        // The nested Maven build reads and writes the local repository of the build running this test.
        String repository = System.getProperty("connect8x8.maven.repo.local");
        if (repository != null && !repository.isBlank()) {
            String options = builder.environment().getOrDefault("MAVEN_OPTS", "");
            builder.environment().put("MAVEN_OPTS", (options + " -Dmaven.repo.local=" + repository).trim());
        }
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
