package org.dailypapers.summary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.search.PaperKeywords;
import org.dailypapers.search.PaperKeywordsChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The summary module's facade: what each paper shows as its summary and keywords (Hugging Face's where imported,
 * else ours), and the entry point for imports that bring Hugging Face's values.
 */
@Service
public class PaperSummaries implements PaperKeywords {

    private final SummaryStore store;
    private final ApplicationEventPublisher events;
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

    PaperSummaries(SummaryStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    /**
     * Grows whenever this process stores summaries or keywords; caches of answers that show them key on it (a
     * catalog change empties them anyway).
     */
    public long version() {
        return version.get();
    }

    /** Called by the worker after each stored batch. */
    void changed() {
        version.incrementAndGet();
    }

    public PaperSummary find(ArxivId id) {
        return findAll(List.of(id)).getOrDefault(id.withoutVersion(), PaperSummary.NONE);
    }

    /** Papers without anything known are absent. */
    public Map<ArxivId, PaperSummary> findAll(Collection<ArxivId> ids) {
        Map<String, ArxivId> byId = new LinkedHashMap<>();
        for (ArxivId id : ids) {
            byId.put(id.withoutVersion().id(), id.withoutVersion());
        }
        Map<ArxivId, PaperSummary> out = new HashMap<>();
        store.find(byId.keySet()).forEach((id, row) -> {
            PaperSummary s = shown(row);
            if (!s.isEmpty()) {
                out.put(byId.get(id), s);
            }
        });
        return out;
    }

    /** Keeps Hugging Face's values of imported papers (shown instead of ours); empty ones are ignored. */
    public void recordImported(Collection<ImportedSummary> imported) {
        List<ImportedSummary> rows = imported.stream().filter(i -> !i.isEmpty()).toList();
        if (rows.isEmpty()) {
            return;
        }
        store.saveImported(rows);
        changed();
        events.publishEvent(
                new PaperKeywordsChanged(rows.stream().map(r -> r.id().id()).toList()));
    }

    @Override
    public Map<String, List<String>> keywordsOf(Collection<String> paperIds) {
        Map<String, List<String>> out = new HashMap<>();
        store.find(paperIds).forEach((id, row) -> {
            List<String> k = shown(row).keywords();
            if (!k.isEmpty()) {
                out.put(id, new ArrayList<>(k));
            }
        });
        return out;
    }

    static PaperSummary shown(SummaryStore.Row row) {
        boolean hfSummary = row.hfSummary() != null;
        boolean hfKeywords = !row.hfKeywords().isEmpty();
        String summary = hfSummary ? row.hfSummary() : row.summary();
        List<String> keywords = hfKeywords ? row.hfKeywords() : row.keywords();
        return new PaperSummary(
                summary,
                summary == null
                        ? PaperSummary.Origin.NONE
                        : (hfSummary ? PaperSummary.Origin.HUGGING_FACE : PaperSummary.Origin.COMPUTED),
                keywords,
                keywords.isEmpty()
                        ? PaperSummary.Origin.NONE
                        : (hfKeywords ? PaperSummary.Origin.HUGGING_FACE : PaperSummary.Origin.COMPUTED));
    }
}
