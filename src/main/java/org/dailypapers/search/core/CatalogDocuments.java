package org.dailypapers.search.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.paper.PaperSources;
import org.dailypapers.search.embedding.VectorStore;

/**
 * The documents both backends write for catalog papers: each paper with its daily entry, its sources and venues, and
 * its stored vector where that was computed from the same text. One place, so that the embedded index and
 * Elasticsearch index the same fields of the same papers.
 */
public final class CatalogDocuments {

    private CatalogDocuments() {}

    /** The papers as documents, with the vectors already stored for their current text. */
    public static List<IndexedPaper> of(List<Paper> papers, PaperCatalog catalog, VectorStore vectors) {
        List<ArxivId> ids = papers.stream().map(Paper::id).toList();
        Map<ArxivId, DailyEntry> entries = catalog.findEntries(ids);
        Map<ArxivId, PaperSources> sources = catalog.findSources(ids);
        Map<String, VectorStore.StoredVector> stored =
                vectors.find(ids.stream().map(ArxivId::id).toList());
        List<IndexedPaper> docs = new ArrayList<>(papers.size());
        for (Paper p : papers) {
            IndexedPaper d = IndexedPaper.of(
                    p, entries.get(p.id()), sources.getOrDefault(p.id(), PaperSources.ARXIV_ONLY), null);
            VectorStore.StoredVector v = stored.get(d.id());
            docs.add(v != null && v.textHash().equals(d.textHash()) ? d.withVector(v.vector()) : d);
        }
        return docs;
    }

    /**
     * Documents that have a vector now: those of {@code docs} that had one, then {@code missing} with the vectors
     * just {@code computed} for them (in the same order), and the rows that store those new vectors.
     */
    public record Embedded(List<IndexedPaper> documents, List<VectorStore.StoredVector> rows) {

        public static Embedded of(List<IndexedPaper> docs, List<IndexedPaper> missing, List<float[]> computed) {
            List<VectorStore.StoredVector> rows = new ArrayList<>();
            List<IndexedPaper> embedded = new ArrayList<>();
            for (IndexedPaper d : docs) {
                if (d.vector() != null) {
                    embedded.add(d);
                }
            }
            for (int k = 0; k < computed.size(); k++) {
                IndexedPaper d = missing.get(k);
                rows.add(new VectorStore.StoredVector(d.id(), d.textHash(), computed.get(k)));
                embedded.add(d.withVector(computed.get(k)));
            }
            return new Embedded(List.copyOf(embedded), List.copyOf(rows));
        }
    }
}
