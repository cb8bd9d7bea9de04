package org.dailypapers.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.dailypapers.cite.CitationFiles;
import org.dailypapers.cite.Citations;
import org.dailypapers.cite.PaperMarkdown;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.Paper;
import org.dailypapers.shared.DailyPapersProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A paper as a file: {@code /papers/{id}.bib}, {@code .ris} and {@code .md}, and the paper page itself for a client
 * that asks for {@code Accept: text/markdown}, as Hugging Face answers agents.
 */
@Controller
class PaperExportController {

    static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);

    private final CatalogReads reads;
    private final PaperDiscussion discussion;
    private final String baseUrl;
    private final org.dailypapers.paper.SourceRecords records;

    PaperExportController(
            CatalogReads reads,
            PaperDiscussion discussion,
            DailyPapersProperties properties,
            org.dailypapers.paper.SourceRecords records) {
        this.records = records;
        this.reads = reads;
        this.discussion = discussion;
        this.baseUrl = properties.baseUrl().replaceAll("/+$", "");
    }

    @GetMapping({"/papers/{id}.bib", "/papers/{id}.ris"})
    ResponseEntity<String> citation(@PathVariable String id, HttpServletRequest request) {
        return cite(id, request);
    }

    @GetMapping({
        "/papers/{archive:[a-zA-Z][a-zA-Z.-]*}/{number:\\d{7}}.bib",
        "/papers/{archive:[a-zA-Z][a-zA-Z.-]*}/{number:\\d{7}}.ris"
    })
    ResponseEntity<String> oldStyleCitation(
            @PathVariable String archive, @PathVariable String number, HttpServletRequest request) {
        return cite(archive + "/" + number, request);
    }

    @GetMapping("/papers/{id}.md")
    ResponseEntity<String> markdownFile(@PathVariable String id) {
        return markdown(id);
    }

    @GetMapping("/papers/{archive:[a-zA-Z][a-zA-Z.-]*}/{number:\\d{7}}.md")
    ResponseEntity<String> oldStyleMarkdownFile(@PathVariable String archive, @PathVariable String number) {
        return markdown(archive + "/" + number);
    }

    @GetMapping(value = "/papers/{id}", produces = "text/markdown")
    ResponseEntity<String> markdownPage(@PathVariable String id) {
        return markdown(id);
    }

    @GetMapping(value = "/papers/" + ArxivId.OLD_STYLE_PATH, produces = "text/markdown")
    ResponseEntity<String> oldStyleMarkdownPage(@PathVariable String archive, @PathVariable String number) {
        return markdown(archive + "/" + number);
    }

    private ResponseEntity<String> cite(String raw, HttpServletRequest request) {
        Paper paper = PaperController.find(reads, raw);
        return CitationFiles.of(
                CitationFiles.formatOf(request), paper, records.recordsOf(paper.id()), Citations.key(paper));
    }

    private ResponseEntity<String> markdown(String raw) {
        Paper paper = PaperController.find(reads, raw);
        DailyEntry entry = reads.entry(paper.id()).orElse(null);
        String body = PaperMarkdown.write(
                paper,
                entry,
                baseUrl + Paths.paper(paper.id().id()),
                PaperDiscussion.forMarkdown(paper.id(), entry, discussion.thread(paper.id())));
        return ResponseEntity.ok()
                .contentType(MARKDOWN)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .body(body);
    }
}
