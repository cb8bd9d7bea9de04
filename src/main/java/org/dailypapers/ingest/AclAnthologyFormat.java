package org.dailypapers.ingest;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.dailypapers.paper.Decision;
import org.dailypapers.paper.RecordAuthor;
import org.dailypapers.paper.Source;
import org.dailypapers.paper.SourceId;
import org.dailypapers.paper.SourceRecord;
import org.jspecify.annotations.Nullable;

/**
 * One collection file of the ACL Anthology ({@code data/xml/2024.acl.xml}): volumes with their papers, read in one
 * streaming pass (the files are megabytes, and a tree per file would cost more than the reading). Titles and
 * abstracts are mixed content: {@code <fixed-case>}, {@code <i>}, {@code <b>} and {@code <url>} keep their text,
 * {@code <tex-math>} becomes readable text. Frontmatter entries are not papers and are left out.
 */
final class AclAnthologyFormat {

    private static final Map<String, String> TEX = Map.ofEntries(
            Map.entry("times", "×"),
            Map.entry("approx", "≈"),
            Map.entry("leq", "≤"),
            Map.entry("le", "≤"),
            Map.entry("geq", "≥"),
            Map.entry("ge", "≥"),
            Map.entry("neq", "≠"),
            Map.entry("pm", "±"),
            Map.entry("sim", "∼"),
            Map.entry("rightarrow", "→"),
            Map.entry("to", "→"),
            Map.entry("leftarrow", "←"),
            Map.entry("infty", "∞"),
            Map.entry("cdot", "·"),
            Map.entry("alpha", "α"),
            Map.entry("beta", "β"),
            Map.entry("gamma", "γ"),
            Map.entry("delta", "δ"),
            Map.entry("epsilon", "ε"),
            Map.entry("theta", "θ"),
            Map.entry("lambda", "λ"),
            Map.entry("mu", "μ"),
            Map.entry("pi", "π"),
            Map.entry("sigma", "σ"),
            Map.entry("tau", "τ"),
            Map.entry("phi", "φ"),
            Map.entry("omega", "ω"),
            Map.entry("Delta", "Δ"),
            Map.entry("%", "%"),
            Map.entry("&", "&"),
            Map.entry("#", "#"),
            Map.entry("_", "_"),
            Map.entry("$", "$"));

    private AclAnthologyFormat() {}

    /** The papers of one collection and the papers that could not be read, each naming file and line. */
    record Collection(String id, List<SourceRecord> records, List<String> problems) {}

    private static final class Volume {
        String id = "";

        @Nullable
        String booktitle;

        @Nullable
        String month;

        @Nullable
        Integer year;

        @Nullable
        String venue;
    }

    static Collection parse(String source, byte[] body) {
        XMLStreamReader r = null;
        try {
            r = XmlTree.factory().createXMLStreamReader(new ByteArrayInputStream(body));
            String collection = null;
            List<SourceRecord> records = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            Volume volume = null;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new XMLStreamException("document type declarations are refused", r.getLocation());
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (r.getLocalName()) {
                    case "collection" -> collection = r.getAttributeValue(null, "id");
                    case "volume" -> {
                        volume = new Volume();
                        volume.id = String.valueOf(r.getAttributeValue(null, "id"));
                    }
                    case "meta" -> {
                        if (volume != null) {
                            meta(r, volume);
                        }
                    }
                    case "paper" -> {
                        int line = r.getLocation().getLineNumber();
                        String paperId = r.getAttributeValue(null, "id");
                        if (collection == null || volume == null) {
                            throw new XMLStreamException("<paper> outside <collection>/<volume>", r.getLocation());
                        }
                        String anthologyId = collection + "-" + volume.id + "." + paperId;
                        try {
                            records.add(paper(r, anthologyId, collection, volume));
                        } catch (MalformedRecordException e) {
                            problems.add(source + ":" + line + ": paper " + anthologyId + ": " + e.getMessage());
                        }
                    }
                    default -> {
                        // frontmatter, events and anything else: not papers
                    }
                }
            }
            if (collection == null) {
                throw new SourceException(source + ": not an Anthology collection (no <collection id>)");
            }
            return new Collection(collection, records, problems);
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw new SourceException(
                    source + (line > 0 ? ":" + line : "") + ": malformed XML: "
                            + XmlTree.collapse(String.valueOf(e.getMessage()).replaceFirst("(?s).*Message: ", "")),
                    e);
        } catch (RuntimeException e) {
            if (e instanceof SourceException) {
                throw e;
            }
            throw new SourceException(source + ": malformed XML: " + e.getMessage(), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException e) {
                    // nothing left to release
                }
            }
        }
    }

    private static void meta(XMLStreamReader r, Volume v) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "booktitle" -> v.booktitle = text(r);
                    case "month" -> v.month = text(r);
                    case "year" -> v.year = integer(text(r));
                    case "venue" -> {
                        String venue = text(r).toLowerCase(Locale.ROOT);
                        // a volume of workshops co-located with the conference also names "ws"; the main venue wins
                        if (v.venue == null || "ws".equals(v.venue)) {
                            v.venue = venue;
                        }
                    }
                    default -> depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static SourceRecord paper(XMLStreamReader r, String anthologyId, String collection, Volume v)
            throws XMLStreamException {
        String title = null;
        String abstractText = "";
        String doi = null;
        String url = null;
        List<RecordAuthor> authors = new ArrayList<>();
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "title" -> title = text(r);
                    case "abstract" -> abstractText = text(r);
                    case "doi" -> doi = text(r);
                    case "url" -> url = text(r);
                    case "author" -> authors.add(author(r));
                    default -> depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if (title == null || title.isBlank()) {
            throw new MalformedRecordException("missing <title>");
        }
        SourceId id = new SourceId(SourceId.Scheme.ACL, anthologyId);
        String venue = v.venue == null ? collection.replaceFirst("^\\d{4}\\.", "") : v.venue;
        Integer year = v.year != null ? v.year : integer(collection.substring(0, Math.min(4, collection.length())));
        LocalDate date = year == null ? null : LocalDate.of(year, month(v.month), 1);
        String pdf = url == null ? null : url.startsWith("http") ? url : "https://aclanthology.org/" + url + ".pdf";
        return new SourceRecord(
                Source.ACL,
                id,
                0,
                title,
                abstractText,
                authors,
                venue,
                venueName(venue, v.id, year),
                Decision.PUBLISHED,
                year,
                date,
                doi,
                null,
                pdf,
                year != null && year >= 2016 && !"tacl".equals(venue) ? "CC BY 4.0" : null,
                List.of(),
                null);
    }

    /** "NAACL 2025", "Findings of EMNLP 2022", "TACL 2025". */
    static String venueName(String venue, String volumeId, @Nullable Integer year) {
        String y = year == null ? "" : " " + year;
        if ("findings".equals(venue)) {
            return "Findings of " + volumeId.toUpperCase(Locale.ROOT) + y;
        }
        return venue.toUpperCase(Locale.ROOT) + y;
    }

    private static RecordAuthor author(XMLStreamReader r) throws XMLStreamException {
        String personId = r.getAttributeValue(null, "id");
        String orcid = r.getAttributeValue(null, "orcid");
        String first = "";
        String last = "";
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "first" -> first = text(r);
                    case "last" -> last = text(r);
                    default -> depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        String name = first.isBlank() ? last : first + " " + last;
        return new RecordAuthor(name, orcid, personId);
    }

    /** The text of the current element and everything in it, markup turned into plain text, on one line. */
    private static String text(XMLStreamReader r) throws XMLStreamException {
        StringBuilder out = new StringBuilder();
        appendText(r, out);
        return XmlTree.collapse(out);
    }

    private static void appendText(XMLStreamReader r, StringBuilder out) throws XMLStreamException {
        while (true) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    out.append(r.getText());
                case XMLStreamConstants.START_ELEMENT -> {
                    if ("tex-math".equals(r.getLocalName())) {
                        StringBuilder tex = new StringBuilder();
                        appendText(r, tex);
                        out.append(texToText(tex.toString()));
                    } else {
                        appendText(r, out);
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return;
                }
                case XMLStreamConstants.ENTITY_REFERENCE ->
                    throw new XMLStreamException("undeclared entity '" + r.getLocalName() + "'", r.getLocation());
                default -> {
                    // comments and processing instructions carry no text
                }
            }
        }
    }

    /** {@code \approx 27\%} reads "≈ 27%", {@code \mathbf{x}^2} "x^2": symbols known, commands dropped, braces gone. */
    static String texToText(String tex) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < tex.length()) {
            char c = tex.charAt(i);
            if (c == '\\') {
                int j = i + 1;
                if (j < tex.length() && !Character.isLetter(tex.charAt(j))) {
                    String sym = String.valueOf(tex.charAt(j));
                    out.append(TEX.getOrDefault(sym, sym.equals(",") || sym.equals(" ") ? " " : sym));
                    i = j + 1;
                    continue;
                }
                while (j < tex.length() && Character.isLetter(tex.charAt(j))) {
                    j++;
                }
                String name = tex.substring(i + 1, j);
                String sym = TEX.get(name);
                if (sym != null) {
                    out.append(sym);
                }
                i = j;
            } else if (c == '{' || c == '}' || c == '$') {
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return XmlTree.collapse(out);
    }

    private static int month(@Nullable String name) {
        if (name == null) {
            return 1;
        }
        String n = name.trim().toUpperCase(Locale.ROOT);
        // "April/May", "August-September": the first month named
        n = n.split("[/\\-–, ]")[0];
        for (Month m : Month.values()) {
            if (n.length() >= 3 && m.name().startsWith(n.substring(0, 3))) {
                return m.getValue();
            }
        }
        Integer number = integer(n);
        return number != null && number >= 1 && number <= 12 ? number : 1;
    }

    private static @Nullable Integer integer(@Nullable String s) {
        if (s == null) {
            return null;
        }
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
