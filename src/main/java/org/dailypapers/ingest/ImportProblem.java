package org.dailypapers.ingest;

/** A record or file that could not be read: where ({@code file:line}) and why. */
public record ImportProblem(String file, long line, String reason) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
    }
}
