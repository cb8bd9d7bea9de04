package org.dailypapers.search;

/**
 * The search backend cannot answer now (an Elasticsearch cluster that is unreachable or red). Pages and API routes
 * that search answer 503 with the message; nothing of the catalog is lost, and the index catches up once the
 * backend is back.
 */
public class SearchUnavailableException extends RuntimeException {

    public SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
