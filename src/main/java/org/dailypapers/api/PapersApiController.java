package org.dailypapers.api;

import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/papers/{id}}: one paper in HF's shape; old-style ids ({@code hep-th/9901001}) work too. */
@RestController
class PapersApiController {

    private final PaperCatalog catalog;
    private final org.dailypapers.summary.PaperSummaries summaries;

    PapersApiController(PaperCatalog catalog, org.dailypapers.summary.PaperSummaries summaries) {
        this.catalog = catalog;
        this.summaries = summaries;
    }

    @GetMapping("/api/papers/{id}")
    HfJson.PaperJson paper(@PathVariable String id) {
        return find(id);
    }

    @GetMapping("/api/papers/" + ArxivId.OLD_STYLE_PATH)
    HfJson.PaperJson oldStylePaper(@PathVariable String archive, @PathVariable String number) {
        return find(archive + "/" + number);
    }

    private HfJson.PaperJson find(String raw) {
        ArxivId id = ArxivId.parse(raw)
                .orElseThrow(() -> new BadParameterException("id", "Invalid arXiv id: '" + raw + "'"));
        Paper paper = catalog.find(id).orElseThrow(() -> new PaperNotFoundException(id.id()));
        return HfJson.PaperJson.of(paper, catalog.findEntry(id).orElse(null), summaries.find(paper.id()));
    }
}
