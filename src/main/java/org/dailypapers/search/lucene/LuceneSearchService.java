package org.dailypapers.search.lucene;

import java.util.ArrayList;
import java.util.List;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.search.SearchHit;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.search.SearchResult;
import org.dailypapers.search.SearchService;
import org.dailypapers.search.core.SearchSettings;
import org.dailypapers.search.embedding.BgeEmbedder;
import org.dailypapers.shared.ComputePool;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;

/** {@link SearchService} over the embedded Lucene index. */
@Service
@ConditionalOnProperty(name = "dailypapers.search.backend", havingValue = "lucene", matchIfMissing = true)
class LuceneSearchService implements SearchService {

    private final SearchIndexer indexer;
    private final SearchSettings settings;
    private final PaperCatalog catalog;
    private final ComputePool compute;
    private volatile SearchEngine engine;
    private volatile PaperIndex engineIndex;

    LuceneSearchService(SearchIndexer indexer, SearchSettings settings, PaperCatalog catalog, ComputePool compute) {
        this.indexer = indexer;
        this.settings = settings;
        this.catalog = catalog;
        this.compute = compute;
    }

    @Override
    public SearchResult search(SearchRequest request) {
        return compute.call(() -> toResult(engine().search(request, true, true)));
    }

    @Override
    public SearchResult rank(SearchRequest request) {
        return compute.call(() -> toResult(engine().search(request, false, false)));
    }

    @Override
    public List<SearchHit> similarTo(ArxivId id, int limit) {
        String fallback = catalog.find(id)
                .map(p -> BgeEmbedder.documentText(p.title(), p.abstractText()))
                .orElse(null);
        if (fallback == null) {
            return List.of();
        }
        return compute.call(() -> toHits(engine().similarTo(id.withoutVersion().id(), limit, fallback)));
    }

    @Override
    public List<SearchHit> similarToText(String text, int limit) {
        if (text.isBlank()) {
            return List.of();
        }
        return compute.call(() -> toHits(engine().similarToText(text, limit)));
    }

    private SearchEngine engine() {
        PaperIndex index = indexer.index();
        SearchEngine e = engine;
        // The indexer may swap a read-only index for a writable one (reindex in this process).
        if (e == null || engineIndex != index) {
            e = settings.engine(index, indexer.embedder());
            engine = e;
            engineIndex = index;
        }
        return e;
    }

    private static SearchResult toResult(SearchEngine.Result r) {
        return new SearchResult(r.totalHits(), toHits(r.hits()), r.facets(), r.error());
    }

    private static List<SearchHit> toHits(List<SearchEngine.Hit> hits) {
        List<SearchHit> out = new ArrayList<>(hits.size());
        for (SearchEngine.Hit h : hits) {
            ArxivId.parse(h.id())
                    .ifPresent(id -> out.add(new SearchHit(id, h.score(), h.titleHighlight(), h.snippet())));
        }
        return out;
    }
}
