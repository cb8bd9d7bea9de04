package org.dailypapers.search.elasticsearch;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.search.SearchHit;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.search.SearchResult;
import org.dailypapers.search.SearchService;
import org.dailypapers.search.SearchUnavailableException;
import org.dailypapers.search.embedding.BgeEmbedder;
import org.jspecify.annotations.Nullable;

/**
 * {@link SearchService} over Elasticsearch. A cluster that does not answer, or answers that it cannot search (red),
 * becomes {@link SearchUnavailableException} (503 for the reader); a query the cluster rejects as malformed comes
 * back as the result's error, as bad syntax does.
 */
public class ElasticsearchSearchService implements SearchService {

    static final String UNAVAILABLE =
            "Search is unavailable right now: the search cluster does not answer. Everything else works; please try"
                    + " again in a minute.";

    private final ElasticsearchEngine engine;
    private final Function<ArxivId, @Nullable String> paperText;

    /** @param paperText a catalog paper's title and abstract as the embedder takes them, or null when unknown */
    public ElasticsearchSearchService(ElasticsearchEngine engine, Function<ArxivId, @Nullable String> paperText) {
        this.engine = engine;
        this.paperText = paperText;
    }

    public static ElasticsearchSearchService over(ElasticsearchEngine engine, PaperCatalog catalog) {
        return new ElasticsearchSearchService(engine, id -> catalog.find(id)
                .map(p -> BgeEmbedder.documentText(p.title(), p.abstractText()))
                .orElse(null));
    }

    @Override
    public SearchResult search(SearchRequest request) {
        return guarded(() -> {
            ElasticsearchEngine.Result r = engine.search(request, true, true);
            return new SearchResult(r.totalHits(), toHits(r.hits()), r.facets(), r.error());
        });
    }

    @Override
    public SearchResult rank(SearchRequest request) {
        return guarded(() -> {
            ElasticsearchEngine.Result r = engine.search(request, false, false);
            return new SearchResult(r.totalHits(), toHits(r.hits()), r.facets(), r.error());
        });
    }

    @Override
    public List<SearchHit> similarTo(ArxivId id, int limit) {
        String fallback = paperText.apply(id);
        if (fallback == null) {
            return List.of();
        }
        return guarded(() -> toHits(engine.similarTo(id.withoutVersion().id(), limit, fallback)));
    }

    @Override
    public List<SearchHit> similarToText(String text, int limit) {
        if (text.isBlank()) {
            return List.of();
        }
        return guarded(() -> toHits(engine.similarToText(text, limit)));
    }

    private static <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (ElasticsearchException e) {
            if (e.status() == 400) {
                // The query parsed here but the cluster refused it (too many clauses, a bad pattern).
                @SuppressWarnings("unchecked")
                T error = (T) SearchResult.error(
                        "Could not understand the query: " + e.error().reason());
                if (error instanceof SearchResult) {
                    return error;
                }
            }
            throw new SearchUnavailableException(UNAVAILABLE, e);
        } catch (UncheckedIOException e) {
            throw new SearchUnavailableException(UNAVAILABLE, e);
        }
    }

    private static List<SearchHit> toHits(List<ElasticsearchEngine.Hit> hits) {
        List<SearchHit> out = new ArrayList<>(hits.size());
        for (ElasticsearchEngine.Hit h : hits) {
            ArxivId.parse(h.id())
                    .ifPresent(id -> out.add(new SearchHit(id, h.score(), h.titleHighlight(), h.snippet())));
        }
        return out;
    }
}
