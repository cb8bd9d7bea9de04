package org.dailypapers.api;

import java.util.Optional;
import org.dailypapers.cite.CitationFiles;
import org.dailypapers.cite.CitationFormat;
import org.dailypapers.cite.Citations;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/papers/{id}} as a citation: with {@code ?format=bibtex} (or {@code ris}, or {@code json} for the
 * usual answer), or with {@code Accept: application/x-bibtex} or {@code application/x-research-info-systems}.
 * Errors of a citation request are plain text, which every BibTeX client can show; JSON answers keep the API's error
 * shape.
 */
@RestController
class CitationApiController {

    private static final String BIBTEX = "application/x-bibtex";
    private static final String RIS = "application/x-research-info-systems";

    private final PaperCatalog catalog;
    private final org.dailypapers.paper.SourceRecords records;

    CitationApiController(PaperCatalog catalog, org.dailypapers.paper.SourceRecords records) {
        this.records = records;
        this.catalog = catalog;
    }

    @GetMapping(value = "/api/papers/{id}", params = "format")
    ResponseEntity<?> formatted(@PathVariable String id, @RequestParam String format) {
        return byParameter(id, format);
    }

    @GetMapping(value = "/api/papers/" + ArxivId.OLD_STYLE_PATH, params = "format")
    ResponseEntity<?> oldStyleFormatted(
            @PathVariable String archive, @PathVariable String number, @RequestParam String format) {
        return byParameter(archive + "/" + number, format);
    }

    @GetMapping(value = "/api/papers/{id}", produces = BIBTEX)
    ResponseEntity<String> bibtex(@PathVariable String id) {
        return citation(id, CitationFormat.BIBTEX);
    }

    @GetMapping(value = "/api/papers/" + ArxivId.OLD_STYLE_PATH, produces = BIBTEX)
    ResponseEntity<String> oldStyleBibtex(@PathVariable String archive, @PathVariable String number) {
        return citation(archive + "/" + number, CitationFormat.BIBTEX);
    }

    @GetMapping(value = "/api/papers/{id}", produces = RIS)
    ResponseEntity<String> ris(@PathVariable String id) {
        return citation(id, CitationFormat.RIS);
    }

    @GetMapping(value = "/api/papers/" + ArxivId.OLD_STYLE_PATH, produces = RIS)
    ResponseEntity<String> oldStyleRis(@PathVariable String archive, @PathVariable String number) {
        return citation(archive + "/" + number, CitationFormat.RIS);
    }

    private ResponseEntity<?> byParameter(String id, String format) {
        if (format.strip().equalsIgnoreCase("json")) {
            ArxivId parsed = ArxivId.parse(id)
                    .orElseThrow(() -> new BadParameterException("id", "Invalid arXiv id: '" + id + "'"));
            Paper paper = catalog.find(parsed).orElseThrow(() -> new PaperNotFoundException(parsed.id()));
            return ResponseEntity.ok(
                    HfJson.PaperJson.of(paper, catalog.findEntry(parsed).orElse(null)));
        }
        Optional<CitationFormat> citation = CitationFormat.parse(format);
        if (citation.isEmpty()) {
            throw new BadParameterException(
                    "format", "Invalid parameter 'format': expected json, bibtex or ris, got '" + format + "'");
        }
        return citation(id, citation.get());
    }

    private ResponseEntity<String> citation(String raw, CitationFormat format) {
        Optional<ArxivId> id = ArxivId.parse(raw);
        if (id.isEmpty()) {
            return text(HttpStatus.BAD_REQUEST, "Invalid arXiv id: '" + raw + "'");
        }
        Optional<Paper> paper = catalog.find(id.get());
        if (paper.isEmpty()) {
            return text(HttpStatus.NOT_FOUND, "Paper not found: " + id.get().id());
        }
        return CitationFiles.of(
                format, paper.get(), records.recordsOf(paper.get().id()), Citations.key(paper.get()));
    }

    private static ResponseEntity<String> text(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(message + "\n");
    }
}
