package org.dailypapers.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;
import org.dailypapers.shared.Timestamps;
import org.jspecify.annotations.Nullable;

/**
 * Reads arXiv API responses (Atom 1.0 with arXiv and OpenSearch extensions), in today's shape and the 2016 one
 * (namespaces declared on each element instead of the root). arXiv reports a bad query as a feed with one entry
 * whose id is under {@code /api/errors}; that becomes an {@link ArxivException} carrying arXiv's message.
 */
final class AtomFeedParser {

    static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomFeedParser() {}

    /**
     * @param totalResults matches of the whole query
     * @param problems entries that could not be read, each naming its line
     */
    record Feed(long totalResults, int startIndex, List<Paper> papers, List<String> problems) {}

    static Feed parse(String source, byte[] body) {
        XmlTree.Element root;
        try {
            root = XmlTree.parse(source, body);
        } catch (XmlTree.MalformedXmlException e) {
            throw new ArxivException(e.getMessage(), null, e);
        }
        if (!root.name().equals("feed") || !root.namespace().equals(ATOM)) {
            throw new ArxivException(
                    source + ": not an Atom feed (root element <" + root.name() + "> at line " + root.line() + ")");
        }
        List<XmlTree.Element> entries = root.all("entry");
        for (XmlTree.Element entry : entries) {
            String id = entry.childText("id");
            if (id != null && id.contains("/api/errors")) {
                String code = id.contains("#") ? id.substring(id.indexOf('#') + 1) : id;
                String summary = Optional.ofNullable(entry.childText("summary")).orElse(code);
                throw new ArxivException(source + ": arXiv error: " + summary, code, null);
            }
        }
        List<Paper> papers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (XmlTree.Element entry : entries) {
            try {
                papers.add(paper(entry));
            } catch (IllegalArgumentException e) {
                problems.add(source + ": entry at line " + entry.line() + ": " + e.getMessage());
            }
        }
        long total = number(root.childText("totalResults"), papers.size());
        int start = (int) number(root.childText("startIndex"), 0);
        return new Feed(total, start, papers, problems);
    }

    static Paper paper(XmlTree.Element entry) {
        String rawId = entry.childText("id");
        ArxivId id = ArxivId.parse(rawId)
                .orElseThrow(() -> new IllegalArgumentException("element <id>: not an arXiv id: " + rawId));
        String title = entry.childText("title");
        if (title == null) {
            throw new IllegalArgumentException("element <title> missing for " + id);
        }
        List<String> authors = new ArrayList<>();
        for (XmlTree.Element author : entry.all("author")) {
            String name = author.childText("name");
            if (name != null) {
                authors.add(name);
            }
        }
        // The primary category comes first, as the catalog expects; the plain <category> list repeats it.
        Set<String> categories = new LinkedHashSet<>();
        entry.child("primary_category").map(c -> c.attribute("term")).ifPresent(categories::add);
        for (XmlTree.Element c : entry.all("category")) {
            String term = c.attribute("term");
            if (term != null && !term.isBlank()) {
                categories.add(term.trim());
            }
        }
        Instant published = instant(entry, "published");
        Instant updated = instant(entry, "updated");
        return new Paper(
                id,
                id.version(),
                title,
                Optional.ofNullable(entry.childText("summary")).orElse(""),
                authors,
                List.copyOf(categories),
                published,
                updated != null ? updated : published,
                entry.childText("comment"),
                entry.childText("journal_ref"),
                entry.childText("doi"),
                null,
                List.of(),
                0,
                null);
    }

    private static @Nullable Instant instant(XmlTree.Element entry, String name) {
        String text = entry.childText(name);
        if (text == null) {
            return null;
        }
        return Timestamps.parse(text)
                .orElseThrow(() -> new IllegalArgumentException("element <" + name + ">: not a date: " + text));
    }

    private static long number(@Nullable String text, long fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
