package io.connect8x8.cli.internal;

import java.io.PrintWriter;

/** A one-line progress bar redrawn in place on stderr; draws nothing when stderr is not a terminal. */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean enabled;
    private final int total;

    /**
     * @param err where to draw
     * @param enabled whether stderr is a terminal
     * @param total the number of messages in all
     */
    public ProgressBar(PrintWriter err, boolean enabled, int total) {
        this.err = err;
        this.enabled = enabled;
        this.total = Math.max(1, total);
    }

    /**
     * Redraws the bar, when drawing is on.
     *
     * @param done how many messages have been sent so far
     */
    public void update(int done) {
        if (!enabled) {
            return;
        }
        int filled = (int) ((long) WIDTH * done / total);
        err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + " messages");
        err.flush();
    }

    /** Ends the line the bar was drawn on. */
    public void finish() {
        if (enabled) {
            err.println();
            err.flush();
        }
    }
}
