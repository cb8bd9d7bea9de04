package org.dailypapers.feed;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.Paper;
import org.dailypapers.shared.DailyPapersProperties;
import org.dailypapers.shared.SafeText;
import org.dailypapers.shared.WebLinks;
import org.dailypapers.web.Paths;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Turns papers into an Atom 1.0 document. */
@Component
class AtomWriter {

    static final String ATOM_TYPE = "application/atom+xml";

    /** The feed's {@code updated} when it has no entries: a fixed instant keeps an empty feed's ETag stable. */
    private static final Instant EMPTY_FEED_UPDATED = Instant.parse("2025-01-01T00:00:00Z");

    private final String baseUrl;

    /** Summaries and keywords for the entries; absent on an instance without the summary module. */
    private final org.springframework.beans.factory.ObjectProvider<org.dailypapers.summary.PaperSummaries> summaries;

    AtomWriter(
            DailyPapersProperties properties,
            org.springframework.beans.factory.ObjectProvider<org.dailypapers.summary.PaperSummaries> summaries) {
        this.summaries = summaries;
        String b = properties.baseUrl().strip();
        this.baseUrl = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    /** A paper with its daily entry, if it has one. */
    record Item(Paper paper, @Nullable DailyEntry entry) {}

    /**
     * @param selfPath this feed's path and query, site-relative
     * @param pagePath the HTML page showing the same list, site-relative
     */
    String write(String title, String subtitle, String selfPath, String pagePath, List<Item> items) {
        Feed feed = feed(title, subtitle, selfPath, pagePath);
        List<Entry> entries = new ArrayList<>();
        Instant newest = null;
        var source = summaries.getIfAvailable();
        java.util.Map<org.dailypapers.paper.ArxivId, org.dailypapers.summary.PaperSummary> ai = source == null
                ? java.util.Map.of()
                : source.findAll(items.stream().map(i -> i.paper().id()).toList());
        for (Item item : items) {
            Entry e = entry(item);
            addSummary(e, ai.get(item.paper().id()));
            entries.add(e);
            Instant updated = e.getUpdated().toInstant();
            if (newest == null || updated.isAfter(newest)) {
                newest = updated;
            }
        }
        return output(feed, entries, newest, selfPath);
    }

    /**
     * A feed of records from other sources (a source's or a venue's feed). Entry ids are the records' addresses at
     * their source, as arXiv papers' are theirs; the entry links to the record's page here, which leads to the arXiv
     * paper's page when the two are one work.
     */
    String writeRecords(
            String title,
            String subtitle,
            String selfPath,
            String pagePath,
            List<org.dailypapers.paper.SourceRecord> records) {
        Feed feed = feed(title, subtitle, selfPath, pagePath);
        List<Entry> entries = new ArrayList<>();
        Instant newest = null;
        for (var r : records) {
            Entry e = new Entry();
            e.setId(xml(r.landingUrl()));
            e.setTitle(xml(r.badge().map(b -> "[" + b + "] ").orElse("") + r.title()));
            e.setAlternateLinks(List.of(link("alternate", "text/html", baseUrl + r.id().path())));
            List<Link> other = new ArrayList<>();
            Link at = link("related", "text/html", r.landingUrl());
            at.setTitle(r.source().label());
            other.add(at);
            if (r.pdfUrl() != null && WebLinks.isWebLink(r.pdfUrl())) {
                Link pdf = link("related", "application/pdf", r.pdfUrl());
                pdf.setTitle("PDF");
                other.add(pdf);
            }
            e.setOtherLinks(other);
            List<SyndPerson> authors = new ArrayList<>();
            for (String name : r.authorNames()) {
                authors.add(person(name));
            }
            e.setAuthors(authors);
            Content summary = new Content();
            summary.setType(Content.TEXT);
            summary.setValue(xml(r.abstractText()));
            e.setSummary(summary);
            Instant when = r.date() == null
                    ? EMPTY_FEED_UPDATED
                    : r.date().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            e.setPublished(Date.from(when));
            e.setUpdated(Date.from(when));
            entries.add(e);
            if (newest == null || when.isAfter(newest)) {
                newest = when;
            }
        }
        return output(feed, entries, newest, selfPath);
    }

    /** The feed's own elements, alike for every feed of the site. */
    private Feed feed(String title, String subtitle, String selfPath, String pagePath) {
        Feed feed = new Feed("atom_1.0");
        feed.setId(xml(baseUrl + selfPath));
        feed.setTitle(xml(title));
        Content sub = new Content();
        sub.setType(Content.TEXT);
        sub.setValue(xml(subtitle));
        feed.setSubtitle(sub);
        feed.setAlternateLinks(List.of(link("alternate", "text/html", baseUrl + pagePath)));
        feed.setOtherLinks(List.of(link("self", ATOM_TYPE, baseUrl + selfPath)));
        // Atom requires an author for every entry; an entry without author names inherits this one.
        feed.setAuthors(List.of(person("Daily Papers")));
        Generator generator = new Generator();
        generator.setValue("dailypapers");
        generator.setUrl(baseUrl + "/");
        feed.setGenerator(generator);
        feed.setIcon(baseUrl + "/static/favicon.svg");
        return feed;
    }

    /** The feed with its entries, updated when the newest of them was (a fixed instant when there is none). */
    private static String output(Feed feed, List<Entry> entries, @Nullable Instant newest, String selfPath) {
        feed.setUpdated(Date.from(newest == null ? EMPTY_FEED_UPDATED : newest));
        feed.setEntries(entries);
        try {
            return new WireFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("cannot write the Atom feed " + selfPath, e);
        }
    }

    private Entry entry(Item item) {
        Paper p = item.paper();
        DailyEntry de = item.entry();
        Entry e = new Entry();
        e.setId(xml(p.absUrl()));
        e.setTitle(xml(p.title()));
        e.setAlternateLinks(List.of(link("alternate", "text/html", baseUrl + Paths.paper(p.id().id()))));
        Link abs = link("related", "text/html", p.absUrl());
        abs.setTitle("arXiv");
        Link pdf = link("related", "application/pdf", p.pdfUrl());
        pdf.setTitle("PDF");
        List<Link> other = new ArrayList<>(List.of(abs, pdf));
        // checked again here: a link that is not http(s) must never reach a feed reader, whatever the catalog holds
        p.githubRepo().filter(WebLinks::isWebLink).ifPresent(code -> {
            Link l = link("related", "text/html", code);
            l.setTitle("Code");
            other.add(l);
        });
        e.setOtherLinks(other);
        List<SyndPerson> authors = new ArrayList<>();
        for (String name : p.authors()) {
            authors.add(person(name));
        }
        e.setAuthors(authors);
        Content summary = new Content();
        summary.setType(Content.TEXT);
        summary.setValue(xml(p.abstractText().strip()));
        e.setSummary(summary);
        List<Category> categories = new ArrayList<>();
        for (String c : p.categories()) {
            Category cat = new Category();
            cat.setTerm(xml(c));
            cat.setScheme("https://arxiv.org/archive/");
            categories.add(cat);
        }
        e.setCategories(categories);
        if (p.publishedAt() != null) {
            e.setPublished(Date.from(p.publishedAt()));
        }
        e.setUpdated(Date.from(updated(p, de)));
        return e;
    }

    /**
     * The one-sentence summary and keywords: keywords as categories (scheme: the site's keyword search), and an
     * HTML content of summary, abstract and keyword links for readers that show content over summary. The plain
     * summary stays the abstract.
     */
    private void addSummary(Entry e, org.dailypapers.summary.@Nullable PaperSummary ai) {
        if (ai == null || ai.isEmpty()) {
            return;
        }
        List<Category> categories = new ArrayList<>(e.getCategories());
        StringBuilder html = new StringBuilder();
        if (ai.summary() != null) {
            String who = ai.summaryOrigin() == org.dailypapers.summary.PaperSummary.Origin.HUGGING_FACE
                    ? "AI summary from Hugging Face"
                    : "Key sentence";
            html.append("<p><strong>")
                    .append(who)
                    .append(":</strong> ")
                    .append(org.springframework.web.util.HtmlUtils.htmlEscape(ai.summary()))
                    .append("</p>");
        }
        html.append("<p>")
                .append(org.springframework.web.util.HtmlUtils.htmlEscape(
                        e.getSummary().getValue()))
                .append("</p>");
        if (!ai.keywords().isEmpty()) {
            html.append("<p>Keywords: ");
            for (int i = 0; i < ai.keywords().size(); i++) {
                String k = ai.keywords().get(i);
                Category c = new Category();
                c.setTerm(k);
                c.setLabel(k);
                c.setScheme(baseUrl + "/search?q=keyword:");
                categories.add(c);
                html.append(i == 0 ? "" : ", ")
                        .append("<a href=\"")
                        .append(org.springframework.web.util.HtmlUtils.htmlEscape(baseUrl + Paths.keyword(k)))
                        .append("\">")
                        .append(org.springframework.web.util.HtmlUtils.htmlEscape(k))
                        .append("</a>");
            }
            html.append("</p>");
        }
        e.setCategories(categories);
        Content content = new Content();
        content.setType(Content.HTML);
        content.setValue(html.toString());
        e.setContents(List.of(content));
    }

    /** The newest of the paper's own dates: a new version or a submission to the feed updates the entry. */
    static Instant updated(Paper p, @Nullable DailyEntry e) {
        Instant newest = null;
        for (Instant i : new Instant[] {
            p.publishedAt(),
            p.updatedAt(),
            e == null ? null : e.submittedAt(),
            e == null ? null : e.day().atStartOfDay(ZoneOffset.UTC).toInstant()
        }) {
            if (i != null && (newest == null || i.isAfter(newest))) {
                newest = i;
            }
        }
        return newest == null ? EMPTY_FEED_UPDATED : newest;
    }

    private static Link link(String rel, String type, String href) {
        Link l = new Link();
        l.setRel(rel);
        l.setType(type);
        l.setHref(xml(href));
        return l;
    }

    /** Rome writes what it is given; an XML-illegal character would fail the whole feed, so none gets through. */
    private static String xml(String text) {
        return SafeText.clean(text);
    }

    private static Person person(String name) {
        Person p = new Person();
        p.setName(xml(name));
        return p;
    }
}
