package org.dailypapers.api;

import java.util.List;
import java.util.Map;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.RecordAuthor;
import org.dailypapers.paper.Source;
import org.dailypapers.paper.SourceId;
import org.dailypapers.paper.SourceRecord;
import org.dailypapers.paper.SourceRecords;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Papers from other sources than arXiv, beside the Hugging Face shapes (which stay as they are):
 * {@code GET /api/records?source=&venue=&p=&limit=} with facets, the work of one record at
 * {@code /api/papers/doi/{doi}}, {@code /api/papers/acl/{id}}, {@code /api/papers/openreview/{id}}, and the records
 * of an arXiv paper at {@code /api/papers/{id}/records}.
 */
@RestController
class SourceRecordsApiController {

    private final SourceRecords records;

    SourceRecordsApiController(SourceRecords records) {
        this.records = records;
    }

    /** One record; authors with ORCID and the source's person id where it gave them, never an e-mail address. */
    record RecordJson(
            String id,
            String source,
            String identifier,
            String url,
            String path,
            int version,
            String title,
            String summary,
            List<RecordAuthor> authors,
            @Nullable String venue,
            @Nullable String venueName,
            String decision,
            @Nullable String badge,
            @Nullable Integer year,
            @Nullable String date,
            @Nullable String doi,
            @Nullable String publishedDoi,
            @Nullable String pdfUrl,
            @Nullable String license,
            List<String> categories) {

        static RecordJson of(SourceRecord r) {
            return new RecordJson(
                    r.id().key(),
                    r.source().slug(),
                    r.id().value(),
                    r.landingUrl(),
                    r.id().path(),
                    r.version(),
                    r.title(),
                    r.abstractText(),
                    r.authors(),
                    r.venue(),
                    r.venueName(),
                    r.decision().slug(),
                    r.badge().orElse(null),
                    r.year(),
                    r.date() == null ? null : r.date().toString(),
                    r.doi(),
                    r.publishedDoi(),
                    r.pdfUrl(),
                    r.license(),
                    r.categories());
        }
    }

    /** A work: its arXiv paper (when one is the same work) and every record. */
    record WorkJson(@Nullable String paper, @Nullable String paperPath, List<RecordJson> records) {}

    record RecordListJson(long total, List<RecordJson> records, Map<String, Map<String, Long>> facets) {}

    @GetMapping("/api/records")
    ResponseEntity<RecordListJson> list(
            @RequestParam(required = false) @Nullable String source,
            @RequestParam(required = false) @Nullable String venue,
            @RequestParam(required = false) @Nullable String p,
            @RequestParam(required = false) @Nullable String limit) {
        Source s = ApiParameters.source(source);
        String v = ApiParameters.venue(venue);
        int size = ApiParameters.intInRange("limit", limit, 20, 1, 100);
        int page = ApiParameters.nonNegativeInt("p", p, 0);
        SourceRecords.RecordPage found = records.list(s, v, page * size, size);
        return ResponseEntity.ok()
                .header("X-Total-Count", String.valueOf(found.total()))
                .body(new RecordListJson(
                        found.total(),
                        found.records().stream().map(RecordJson::of).toList(),
                        records.facets()));
    }

    @GetMapping("/api/papers/doi/{prefix}/{suffix}")
    WorkJson doi(@PathVariable String prefix, @PathVariable String suffix) {
        return work(SourceId.Scheme.DOI, prefix + "/" + suffix, "a DOI such as 10.1101/2024.01.02.577000");
    }

    @GetMapping("/api/papers/acl/{id}")
    WorkJson acl(@PathVariable String id) {
        return work(SourceId.Scheme.ACL, id, "an ACL Anthology id such as 2024.acl-long.1");
    }

    @GetMapping("/api/papers/openreview/{id}")
    WorkJson openReview(@PathVariable String id) {
        return work(SourceId.Scheme.OPENREVIEW, id, "an OpenReview forum id such as FPLNSx1jmL");
    }

    @GetMapping("/api/papers/{id}/records")
    List<RecordJson> ofPaper(@PathVariable String id) {
        ArxivId arxiv =
                ArxivId.parse(id).orElseThrow(() -> new BadParameterException("id", "Invalid arXiv id: '" + id + "'"));
        return records.recordsOf(arxiv).stream().map(RecordJson::of).toList();
    }

    private WorkJson work(SourceId.Scheme scheme, String raw, String expected) {
        SourceId id = SourceId.parse(scheme, raw)
                .orElseThrow(() -> new BadParameterException("id", "'" + raw + "' is not " + expected));
        SourceRecords.Work w = records.work(id).orElseThrow(() -> new PaperNotFoundException(id.key()));
        String paper = w.paper() == null ? null : w.paper().id().id();
        return new WorkJson(
                paper,
                paper == null ? null : "/papers/" + paper,
                w.records().stream().map(RecordJson::of).toList());
    }
}
