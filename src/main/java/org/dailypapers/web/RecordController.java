package org.dailypapers.web;

import java.util.List;
import org.dailypapers.cite.Abstracts;
import org.dailypapers.cite.Citations;
import org.dailypapers.paper.Source;
import org.dailypapers.paper.SourceId;
import org.dailypapers.paper.SourceRecord;
import org.dailypapers.paper.SourceRecords;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of papers from other sources: {@code /papers/doi/10.1101/2024.01.02.577000} (bioRxiv and medRxiv),
 * {@code /papers/acl/2024.acl-long.1}, {@code /papers/openreview/{id}}. One work has one page: a record merged with an
 * arXiv paper sends the reader to that paper's page, which lists every record.
 */
@Controller
class RecordController {

    private final SourceRecords records;

    RecordController(SourceRecords records) {
        this.records = records;
    }

    static final int PAGE = 50;

    /** {@code /records?source=acl&venue=naacl&p=1}: records of other sources, newest first, with facets. */
    @GetMapping("/records")
    String list(
            @RequestParam(required = false) @Nullable String source,
            @RequestParam(required = false) @Nullable String venue,
            @RequestParam(required = false, defaultValue = "0") String p,
            Model model) {
        Source s = DailyController.parseSource(source);
        String v = DailyController.parseVenue(venue);
        int page;
        try {
            page = Integer.parseInt(p.trim());
        } catch (NumberFormatException e) {
            page = -1;
        }
        if (page < 0 || page > 100_000) {
            throw new WebErrors.BadRequest("p: '" + p + "' is not a page number (0, 1, 2, ...)");
        }
        SourceRecords.RecordPage found = records.list(s, v, page * PAGE, PAGE);
        var facets = records.facets();
        String sourceSlug = s == null ? null : s.slug();
        String venueKey = v;
        List<RecordsView.Facet> sources = facets.get("source").entrySet().stream()
                .map(e -> new RecordsView.Facet(
                        Source.parse(e.getKey()).map(Source::label).orElse(e.getKey()),
                        e.getValue(),
                        href(e.getKey(), venueKey, 0)))
                .toList();
        List<RecordsView.Facet> venues = facets.get("venue").entrySet().stream()
                .map(e -> new RecordsView.Facet(e.getKey(), e.getValue(), href(sourceSlug, e.getKey(), 0)))
                .toList();
        String title = "Papers" + (s == null ? "" : " from " + s.label())
                + (v == null ? "" : " at " + v.toUpperCase(java.util.Locale.ROOT));
        PageMeta meta = PageMeta.of(title, "")
                .withFeed(
                        v != null
                                ? "/feeds/venue/" + v + ".atom"
                                : "/feeds/source/" + (s == null ? "acl" : s.slug()) + ".atom",
                        title);
        List<RecordsView.RecordItem> items = found.records().stream()
                .map(r -> new RecordsView.RecordItem(
                        r.id().path(),
                        r.title(),
                        r.authorNames().stream().limit(3).toList(),
                        r.badge().orElse(null),
                        r.source().label(),
                        r.venueName(),
                        r.date() == null ? null : r.date().toString()))
                .toList();
        boolean more = (long) (page + 1) * PAGE < found.total();
        model.addAttribute(
                "view",
                new RecordsView(
                        meta,
                        sourceSlug,
                        v,
                        found.total(),
                        items,
                        sources,
                        venues,
                        more ? href(sourceSlug, v, page + 1) : null));
        return "records";
    }

    private static String href(@Nullable String source, @Nullable String venue, int page) {
        StringBuilder b = new StringBuilder("/records");
        String sep = "?";
        if (source != null) {
            b.append(sep).append("source=").append(Paths.param(source));
            sep = "&";
        }
        if (venue != null) {
            b.append(sep).append("venue=").append(Paths.param(venue));
            sep = "&";
        }
        if (page > 0) {
            b.append(sep).append("p=").append(page);
        }
        return b.toString();
    }

    @GetMapping("/papers/doi/{prefix}/{suffix}")
    String doi(@PathVariable String prefix, @PathVariable String suffix, Model model) {
        return show(SourceId.Scheme.DOI, prefix + "/" + suffix, "a DOI such as 10.1101/2024.01.02.577000", model);
    }

    @GetMapping("/papers/acl/{id}")
    String acl(@PathVariable String id, Model model) {
        return show(SourceId.Scheme.ACL, id, "an ACL Anthology id such as 2024.acl-long.1", model);
    }

    @GetMapping("/papers/openreview/{id}")
    String openReview(@PathVariable String id, Model model) {
        return show(SourceId.Scheme.OPENREVIEW, id, "an OpenReview forum id such as FPLNSx1jmL", model);
    }

    private String show(SourceId.Scheme scheme, String raw, String expected, Model model) {
        SourceId id = SourceId.parse(scheme, raw)
                .orElseThrow(() -> new WebErrors.NotFound("'" + raw + "' is not " + expected + "."));
        SourceRecords.Work work = records.work(id)
                .orElseThrow(() -> new WebErrors.NotFound("The paper " + id.value() + " is not in this catalog. It may"
                        + " still be at its source: " + id.landingUrl()));
        if (work.paper() != null) {
            return "redirect:" + Paths.paper(work.paper().id().id());
        }
        model.addAttribute("view", view(work.primary()));
        return "record";
    }

    static RecordView view(SourceRecord r) {
        PageMeta meta = PageMeta.of(r.title(), "")
                .withDescription(Cards.shorten(r.abstractText(), 200))
                .withFeed(
                        r.venue() == null
                                ? "/feeds/source/" + r.source().slug() + ".atom"
                                : "/feeds/venue/" + r.venue() + ".atom",
                        r.venueName() == null ? r.source().label() : r.venueName());
        return new RecordView(
                meta,
                r.source().label(),
                r.id().value(),
                r.title(),
                r.authorNames(),
                r.venueName(),
                r.badge().orElse(null),
                r.date() == null ? null : r.date().toString(),
                r.abstractText().isBlank() ? List.of() : Abstracts.paragraphs(r.abstractText()),
                r.landingUrl(),
                r.pdfUrl(),
                r.doi(),
                r.publishedDoi(),
                r.license(),
                r.categories(),
                r.version(),
                Citations.bibtex(r));
    }
}
