package org.dailypapers.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dailypapers.cite.Abstracts;
import org.dailypapers.cite.Citations;
import org.dailypapers.community.Comment;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.paper.PaperLink;
import org.dailypapers.paper.SourceRecord;
import org.dailypapers.paper.SourceRecords;
import org.dailypapers.search.SearchHit;
import org.dailypapers.search.SearchService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** {@code /papers/{id}}: one paper with its links, similar papers and the place for its discussion. */
@Controller
class PaperController {

    static final int SIMILAR = 6;

    private static final Logger log = LoggerFactory.getLogger(PaperController.class);

    private final PaperCatalog catalog;
    private final CatalogReads reads;
    private final ObjectProvider<SearchService> search;
    private final ReaderVotes votes;
    private final PaperDiscussion discussion;
    private final SourceRecords records;

    PaperController(
            PaperCatalog catalog,
            CatalogReads reads,
            ObjectProvider<SearchService> search,
            ReaderVotes votes,
            PaperDiscussion discussion,
            SourceRecords records) {
        this.records = records;
        this.catalog = catalog;
        this.reads = reads;
        this.search = search;
        this.votes = votes;
        this.discussion = discussion;
    }

    @GetMapping("/papers/{id}")
    String paper(@PathVariable String id, Model model, HttpServletResponse response) {
        return show(id, model, response);
    }

    @GetMapping("/papers/" + ArxivId.OLD_STYLE_PATH)
    String oldStylePaper(
            @PathVariable String archive, @PathVariable String number, Model model, HttpServletResponse response) {
        return show(archive + "/" + number, model, response);
    }

    private String show(String raw, Model model, HttpServletResponse response) {
        Paper paper = find(reads, raw);
        DailyEntry entry = reads.entry(paper.id()).orElse(null);
        // the same address answers text/markdown (PaperExportController): caches must keep the two apart
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        model.addAttribute("view", view(paper, entry));
        return "paper";
    }

    /** The paper of a {@code /papers/...} address, or the not-found page that says why there is none. */
    static Paper find(CatalogReads reads, String raw) {
        ArxivId id = ArxivId.parse(raw)
                .orElseThrow(() -> new WebErrors.NotFound("'" + raw + "' is not an arXiv identifier. Identifiers look"
                        + " like 2501.12345 or hep-th/9901001."));
        return reads.paper(id)
                .orElseThrow(() -> new WebErrors.NotFound("The paper " + id.id() + " is not in this catalog. It may"
                        + " still be on arXiv: https://arxiv.org/abs/" + id.id()));
    }

    private PaperView view(Paper p, @Nullable DailyEntry e) {
        List<SourceRecord> sources = records.recordsOf(p.id());
        PaperCard card = votes.mark(Cards.of(p, e, null, null));
        List<Link> links = new ArrayList<>();
        for (PaperLink l : p.links()) {
            String label =
                    switch (l.kind()) {
                        case CODE -> "Code";
                        case PROJECT -> "Project page";
                        case HUGGINGFACE -> "Hugging Face";
                    };
            links.add(Link.to(label, l.url()));
        }
        SearchService service = search.getIfAvailable();
        List<PaperCard> similar = service == null ? List.of() : similar(service, p.id());
        boolean similarFailed = similar == SIMILAR_FAILED;
        LocalDate published = p.publishedAt() == null
                ? null
                : p.publishedAt().atZone(ZoneOffset.UTC).toLocalDate();
        PageMeta meta = PageMeta.of(p.title(), "")
                .withDescription(Cards.shorten(p.abstractText(), 200))
                .withFeed(
                        p.primaryCategory().map(Paths::categoryFeed).orElse("/feeds/daily.atom"),
                        p.primaryCategory().map(c -> "Daily Papers in " + c).orElse("Daily Papers"))
                .withMeta(
                        Citations.highwire(p),
                        List.of(
                                new PageMeta.Alternate("text/markdown", Paths.paper(p.id().id()) + ".md", "Markdown"),
                                new PageMeta.Alternate(
                                        "application/x-bibtex", Paths.paper(p.id().id()) + ".bib", "BibTeX")));
        List<Comment> thread = discussion.thread(p.id());
        PaperDiscussion.Counts counts = PaperDiscussion.counts(p.id(), e, thread);
        String submitter = e == null || e.submittedBy() == null
                ? null
                : (e.submittedBy().fullname() == null
                        ? e.submittedBy().name()
                        : e.submittedBy().fullname());
        return new PaperView(
                meta,
                card,
                p.abstractText().strip(),
                p.authors().stream().map(a -> Link.to(a, Paths.author(a))).toList(),
                p.categories().stream().map(c -> Link.to(c, Paths.category(c))).toList(),
                e == null ? null : Cards.dateLabel(e.day(), LocalDate.now(ZoneOffset.UTC)),
                e == null ? null : Paths.day(e.day()),
                published == null ? null : Cards.dateLabel(published, LocalDate.now(ZoneOffset.UTC)),
                submitter,
                p.absUrl(),
                p.pdfUrl(),
                links,
                p.comments(),
                p.journalRef(),
                p.doi(),
                p.license(),
                p.version(),
                p.githubStars(),
                similar,
                service != null,
                similarFailed,
                Abstracts.paragraphs(p.abstractText()),
                Citations.bibtex(p, sources),
                Citations.key(p),
                counts.here(),
                counts.huggingFace(),
                counts.huggingFaceUrl(),
                sources.stream().map(PaperController::recordLink).toList());
    }

    static PaperView.RecordLink recordLink(SourceRecord r) {
        return new PaperView.RecordLink(
                r.badge().orElse(r.venueName() == null ? r.source().label() : r.venueName()),
                r.source().label(),
                r.id().value(),
                r.id().key(),
                r.landingUrl(),
                r.pdfUrl());
    }

    /** Marks a failed look-up (compared by identity): the page then says so instead of "none found". */
    private static final List<PaperCard> SIMILAR_FAILED = java.util.Collections.unmodifiableList(new ArrayList<>());

    /** Failure causes already logged with their stack; later occurrences get one line. Bounded. */
    private final java.util.Set<String> loggedCauses = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Similar papers are a nicety: a failing search index must not take the paper page down with it. */
    private List<PaperCard> similar(SearchService service, ArxivId id) {
        try {
            List<SearchHit> hits = service.similarTo(id, SIMILAR);
            List<ArxivId> ids = hits.stream().map(SearchHit::id).toList();
            Map<ArxivId, DailyEntry> entries = catalog.findEntries(ids);
            return votes.mark(catalog.findAll(ids).stream()
                    .map(sp -> Cards.of(sp, entries.get(sp.id()), null, null))
                    .toList());
        } catch (RuntimeException ex) {
            String cause = ex.getClass().getName() + ": " + ex.getMessage();
            if (loggedCauses.size() < 100 && loggedCauses.add(cause)) {
                log.error("similar papers for {} failed", id.id(), ex);
            } else {
                log.warn("similar papers for {} failed: {} (stack logged before)", id.id(), cause);
            }
            return SIMILAR_FAILED;
        }
    }
}
