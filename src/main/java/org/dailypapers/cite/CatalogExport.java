package org.dailypapers.cite;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.CatalogChange;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.springframework.stereotype.Service;

/**
 * The whole catalog as one BibTeX or RIS file, for {@code ./dailypapers export --format bibtex|ris}. Two passes in
 * batches, so that a catalog of any size never sits in memory: the first settles the keys across the whole file (the
 * same rule as any other export, so a paper's key here is the one its page gives unless it shares one), the second
 * writes the entries.
 */
@Service
public class CatalogExport {

    private static final int BATCH = 1_000;

    private final PaperCatalog catalog;

    CatalogExport(PaperCatalog catalog) {
        this.catalog = catalog;
    }

    /** @return how many papers were written */
    public long write(CitationFormat format, Path target, boolean onlyDailyPapers) {
        List<Map.Entry<ArxivId, String>> bases = new ArrayList<>();
        forEachBatch(onlyDailyPapers, batch -> batch.forEach(p -> bases.add(Map.entry(p.id(), CitationKeys.base(p)))));
        Map<ArxivId, String> keys = CitationKeys.resolve(bases);
        long[] written = {0};
        try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            forEachBatch(onlyDailyPapers, batch -> {
                if (batch.isEmpty()) {
                    return;
                }
                try {
                    if (written[0] > 0 && format == CitationFormat.BIBTEX) {
                        out.write('\n');
                    }
                    out.write(Citations.format(
                            format,
                            batch,
                            batch.stream()
                                    .map(p -> keys.getOrDefault(p.id(), CitationKeys.base(p)))
                                    .toList()));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + target, e);
                }
                written[0] += batch.size();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
        return written[0];
    }

    private void forEachBatch(boolean onlyDailyPapers, java.util.function.Consumer<List<Paper>> consumer) {
        long after = -1;
        while (true) {
            List<CatalogChange> page = catalog.changedSince(after, BATCH);
            if (page.isEmpty()) {
                return;
            }
            List<Paper> papers = page.stream().map(CatalogChange::paper).toList();
            if (onlyDailyPapers) {
                Set<ArxivId> onFeed = catalog.findEntries(
                                papers.stream().map(Paper::id).toList())
                        .keySet();
                papers = papers.stream().filter(p -> onFeed.contains(p.id())).toList();
            }
            consumer.accept(papers);
            after = page.getLast().seq();
        }
    }
}
