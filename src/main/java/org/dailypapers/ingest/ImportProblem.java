package org.dailypapers.ingest;

/**
 * A record or file that could not be read: where ({@code file:line}) and why; or, as a warning, a record that was
 * read but with a value of the wrong type made to fit.
 */
public record ImportProblem(String file, long line, String reason, boolean warning) {

    public ImportProblem(String file, long line, String reason) {
        this(file, line, reason, false);
    }

    @Override
    public String toString() {
        String text = warning ? "warning: " + reason : reason;
        return line > 0 ? file + ":" + line + ": " + text : file + ": " + text;
    }
}
