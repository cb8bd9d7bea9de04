package org.dailypapers.cite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dailypapers.web.SiteTestSupport;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code ./dailypapers export --format bibtex|ris}: the whole demo catalog as one file a reference manager reads. */
class CatalogExportTests extends SiteTestSupport {

    @Autowired
    private CatalogExport export;

    @Autowired
    private org.dailypapers.paper.PaperCatalog catalog;

    @TempDir
    Path dir;

    @Test
    void shouldWriteTheWholeCatalogAsBibtexWithUniqueKeys() throws Exception {
        Path file = dir.resolve("all.bib");
        long n = export.write(CitationFormat.BIBTEX, file, false);
        // the demo set, and what other tests of this shared site context added to it
        assertThat(n).isEqualTo(catalog.counts().papers()).isGreaterThanOrEqualTo(3_857);
        BibTeXDatabase db;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            db = new BibTeXParser().parse(in);
        }
        assertThat(db.getEntries()).hasSize((int) n);
        Set<String> eprints = new HashSet<>();
        for (BibTeXEntry e : db.getEntries().values()) {
            eprints.add(e.getField(new Key("eprint")).toUserString());
        }
        assertThat(eprints).hasSize((int) n);
        // a paper keeps the key its own page gives it unless it shares it with an older paper
        assertThat(db.getEntries()).containsKey(new Key("jeong2025videorag"));
    }

    @Test
    void shouldWriteRisRecordsOnePerPaper() throws Exception {
        Path file = dir.resolve("all.ris");
        long n = export.write(CitationFormat.RIS, file, true);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.stream().filter(l -> l.equals("TY  - UNPB")).count()).isEqualTo(n);
        assertThat(lines.stream().filter(l -> l.equals("ER  - ")).count()).isEqualTo(n);
        assertThat(n).isGreaterThanOrEqualTo(3_857);
    }
}
