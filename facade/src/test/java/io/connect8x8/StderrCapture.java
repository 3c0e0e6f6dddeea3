package io.connect8x8;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard error captured while a test runs: the tests' SLF4J binding (slf4j-simple) writes the facade's log there,
 * so what the log said is read from here. {@link #close()} puts the original stream back.
 */
final class StderrCapture implements AutoCloseable {

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private StderrCapture() {
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    /** Starts capturing standard error. */
    static StderrCapture start() {
        return new StderrCapture();
    }

    /** What was written to standard error since the capture started. */
    String text() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
