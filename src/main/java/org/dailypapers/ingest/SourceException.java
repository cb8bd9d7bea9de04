package org.dailypapers.ingest;

/**
 * A harvest from bioRxiv, medRxiv, the ACL Anthology or OpenReview failed: the source is unreachable, refused, or
 * sent something unreadable. The message names the URL and page.
 */
public class SourceException extends RuntimeException {

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
