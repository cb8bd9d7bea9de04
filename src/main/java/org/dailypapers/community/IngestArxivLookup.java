package org.dailypapers.community;

import java.util.Optional;
import org.dailypapers.ingest.ArxivClient;
import org.dailypapers.ingest.ArxivException;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;
import org.springframework.stereotype.Component;

/**
 * Submissions look papers up through the ingest module's arXiv client, so that every request of the instance
 * shares one polite gate (one request per {@code dailypapers.arxiv.request-interval}) and one cache.
 */
@Component
class IngestArxivLookup implements ArxivLookup {

    private final ArxivClient client;

    IngestArxivLookup(ArxivClient client) {
        this.client = client;
    }

    @Override
    public Optional<Paper> find(ArxivId id) {
        try {
            // the submitter waits: bounded connect and answer timeouts instead of the harvest's patient retries
            return client.fetchWhileUserWaits(id);
        } catch (ArxivException e) {
            throw new ArxivUnavailableException("arXiv could not be asked about " + id + ": " + e.getMessage(), e);
        }
    }
}
