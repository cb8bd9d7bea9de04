package org.dailypapers.community;

import java.util.Optional;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;

/**
 * Looks a paper up on arXiv for a submission. Kept to one method so that the ingest module's arXiv API client can
 * take over when it lands (the lead switches the implementation when merging).
 */
interface ArxivLookup {

    /**
     * The paper at its newest version, or empty when arXiv does not know the id.
     *
     * @throws ArxivUnavailableException when arXiv cannot be asked or answers with an error
     */
    Optional<Paper> find(ArxivId id);

    class ArxivUnavailableException extends RuntimeException {
        ArxivUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }

        ArxivUnavailableException(String message) {
            super(message);
        }
    }
}
