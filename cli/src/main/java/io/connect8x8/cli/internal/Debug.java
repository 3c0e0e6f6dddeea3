package io.connect8x8.cli.internal;

import java.io.PrintWriter;

/**
 * The command's own debug log: lines on the command's stderr, only with {@code --verbose}. Callers pass values
 * that are already redacted (the facade's {@code toString()} masks numbers and replaces texts by their length).
 */
public final class Debug {

    private final PrintWriter err;
    private final boolean enabled;

    /**
     * Makes the debug log of one command run.
     *
     * @param err where lines go
     * @param enabled whether to write them
     */
    public Debug(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /**
     * Writes one debug line, when debugging is on.
     *
     * @param line one line, already redacted
     */
    public void log(String line) {
        if (enabled) {
            err.println("[debug] " + line);
            err.flush();
        }
    }
}
