package org.dailypapers.api;

/** An arXiv id that is well formed but not in the catalog. */
public class PaperNotFoundException extends RuntimeException {

    public PaperNotFoundException(String id) {
        super("Paper not found: " + id);
    }
}
