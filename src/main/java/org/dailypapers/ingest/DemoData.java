package org.dailypapers.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.dailypapers.paper.PaperCatalog;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * The bundled demo data set: the 2025 Hugging Face Daily Papers entries (3,857 papers on 251 days) in the project's
 * own format, so that a new instance shows a full site at once.
 */
@Service
public class DemoData {

    static final String RESOURCE = "demo/daily-papers-2025.jsonl.gz";

    private final PaperImporter importer;
    private final PaperCatalog catalog;

    DemoData(PaperImporter importer, PaperCatalog catalog) {
        this.importer = importer;
        this.catalog = catalog;
    }

    /** Loads the demo set when the catalog has no papers; empty when the catalog already had some. */
    public Optional<ImportSummary> loadIfEmpty(ImportListener listener) {
        if (catalog.counts().papers() > 0) {
            return Optional.empty();
        }
        return Optional.of(load(listener));
    }

    public ImportSummary load(ImportListener listener) {
        ClassPathResource resource = new ClassPathResource(RESOURCE);
        try (InputStream in = resource.getInputStream()) {
            return importer.importStream("classpath:" + RESOURCE, in, listener);
        } catch (IOException e) {
            throw new UncheckedIOException("the demo data set is missing from this build: " + RESOURCE, e);
        }
    }
}
