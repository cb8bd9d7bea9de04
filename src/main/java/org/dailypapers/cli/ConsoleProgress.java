package org.dailypapers.cli;

import java.io.PrintStream;
import org.dailypapers.ingest.ImportListener;
import org.dailypapers.ingest.ImportProblem;

/**
 * A progress bar on standard error while standard error is a terminal; problems are always printed, one per
 * line, naming file and line.
 */
final class ConsoleProgress implements ImportListener {

    private static final int WIDTH = 30;

    private final PrintStream err;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private boolean drawn;

    ConsoleProgress(PrintStream err) {
        this.err = err;
        this.terminal = isTerminal();
    }

    /** Before JDK 22 a console exists only on a terminal; from 22 on it must be asked (method absent on 21). */
    static boolean isTerminal() {
        var console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Override
    public void progress(long bytesRead, long bytesTotal, long records) {
        if (!terminal) {
            return;
        }
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        String bar;
        if (bytesTotal > 0) {
            double fraction = Math.min(1.0, (double) bytesRead / bytesTotal);
            int filled = (int) Math.round(fraction * WIDTH);
            bar = "[" + "=".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
                    + String.format("%3d%%", (int) (fraction * 100));
        } else {
            bar = "[" + "?".repeat(0) + "]";
        }
        err.printf("\r%s %,d records %,.0f/s ", bar, records, records / seconds);
        err.flush();
        drawn = true;
    }

    @Override
    public void problem(ImportProblem problem) {
        clearLine();
        err.println(problem);
    }

    void finish() {
        clearLine();
    }

    private void clearLine() {
        if (drawn) {
            err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
            err.flush();
            drawn = false;
        }
    }
}
