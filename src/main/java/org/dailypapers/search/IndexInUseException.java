package org.dailypapers.search;

import java.nio.file.Path;

/** Another process (usually a running server) holds the search index's write lock. */
public class IndexInUseException extends RuntimeException {

    public IndexInUseException(Path folder) {
        super("the search index " + folder + " is in use by another process (a running server?); stop it first");
    }
}
