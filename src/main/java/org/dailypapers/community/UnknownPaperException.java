package org.dailypapers.community;

/** A paper id that is well formed but not in the catalog. */
public class UnknownPaperException extends RuntimeException {

    public UnknownPaperException(String id) {
        super("Paper not found: " + id);
    }
}
