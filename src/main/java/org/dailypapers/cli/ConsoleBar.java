package org.dailypapers.cli;

import java.io.PrintStream;

/** A progress bar for counted work (embedding, indexing) on standard error, drawn only on a terminal. */
final class ConsoleBar {

    private static final int WIDTH = 30;

    private final PrintStream err;
    private final String label;
    private final boolean terminal = ConsoleProgress.isTerminal();
    private final long started = System.nanoTime();
    private boolean drawn;

    ConsoleBar(PrintStream err, String label) {
        this.err = err;
        this.label = label;
    }

    synchronized void update(long done, long total) {
        if (!terminal) {
            return;
        }
        double fraction = total <= 0 ? 1 : Math.min(1.0, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        err.printf(
                "\r%s [%s%s] %,d/%,d %.1f/s ",
                label, "=".repeat(filled), " ".repeat(WIDTH - filled), done, total, done / seconds);
        err.flush();
        drawn = true;
    }

    synchronized void finish() {
        if (drawn) {
            err.print("\r" + " ".repeat(WIDTH + label.length() + 40) + "\r");
            err.flush();
            drawn = false;
        }
    }
}
