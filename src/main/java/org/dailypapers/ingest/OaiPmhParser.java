package org.dailypapers.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;
import org.jspecify.annotations.Nullable;

/**
 * Reads one OAI-PMH response of arXiv ({@code ListRecords} or {@code GetRecord}) in the {@code arXivRaw} or
 * {@code arXiv} metadata format. The whole page is read before anything is returned, so a truncated or malformed
 * body fails as one (naming URL, line and column) and the harvester writes nothing of it. A record that cannot be
 * read is left out with a problem naming its line and identifier; the rest of the page still counts.
 */
final class OaiPmhParser {

    static final String OAI = "http://www.openarchives.org/OAI/2.0/";

    /** OAI's answer to a harvest that matches nothing: an empty result, not a failure. */
    static final String NO_RECORDS_MATCH = "noRecordsMatch";

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ENGLISH);

    private OaiPmhParser() {}

    /**
     * A harvested record: the paper, the day arXiv last changed the record (OAI datestamp), the OAI sets, and
     * affiliations where the format names them.
     */
    record Harvested(Paper paper, LocalDate datestamp, List<String> sets, List<String> affiliations) {}

    /**
     * A page.
     *
     * @param resumptionToken the token for the next page, null on the last one
     * @param completeListSize records of the whole list when arXiv says so
     * @param deleted records marked deleted (arXiv keeps none, but the protocol allows them)
     */
    record Page(
            List<Harvested> records,
            List<String> problems,
            int deleted,
            @Nullable String resumptionToken,
            @Nullable Long completeListSize,
            @Nullable Long cursor) {

        static final Page EMPTY = new Page(List.of(), List.of(), 0, null, 0L, 0L);
    }

    static Page parse(String source, byte[] body) {
        XmlTree.Element root;
        try {
            root = XmlTree.parse(source, body);
        } catch (XmlTree.MalformedXmlException e) {
            throw new ArxivException(e.getMessage(), null, e);
        }
        if (!root.name().equals("OAI-PMH") || !root.namespace().equals(OAI)) {
            throw new ArxivException(source + ": not an OAI-PMH response (root element <" + root.name() + "> at line "
                    + root.line() + ")");
        }
        List<XmlTree.Element> errors = root.all("error");
        if (!errors.isEmpty()) {
            XmlTree.Element first = errors.getFirst();
            String code = first.attribute("code");
            if (NO_RECORDS_MATCH.equals(code)) {
                return Page.EMPTY;
            }
            throw new ArxivException(
                    source + ": OAI-PMH error " + code + ": " + first.oneLine() + " (line " + first.line() + ")",
                    code,
                    null);
        }
        XmlTree.Element list = root.child("ListRecords")
                .or(() -> root.child("GetRecord"))
                .orElseThrow(() -> new ArxivException(
                        source + ": OAI-PMH response without <ListRecords> or <GetRecord> (root at line " + root.line()
                                + ")"));
        List<Harvested> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int deleted = 0;
        for (XmlTree.Element record : list.all("record")) {
            XmlTree.Element header = record.child("header").orElse(null);
            if (header != null && "deleted".equals(header.attribute("status"))) {
                deleted++;
                continue;
            }
            try {
                records.add(record(record, header));
            } catch (IllegalArgumentException e) {
                String identifier = header == null ? null : header.childText("identifier");
                problems.add(source + ": record at line " + record.line()
                        + (identifier == null ? "" : " (" + identifier + ")") + ": " + e.getMessage());
            }
        }
        String token = null;
        Long size = null;
        Long cursor = null;
        XmlTree.Element resumption = list.child("resumptionToken").orElse(null);
        if (resumption != null) {
            String t = resumption.text().trim();
            token = t.isEmpty() ? null : t;
            size = number(resumption.attribute("completeListSize"));
            cursor = number(resumption.attribute("cursor"));
        }
        return new Page(records, problems, deleted, token, size, cursor);
    }

    private static Harvested record(XmlTree.Element record, XmlTree.@Nullable Element header) {
        if (header == null) {
            throw new IllegalArgumentException("element <header> missing");
        }
        String stamp = header.childText("datestamp");
        if (stamp == null) {
            throw new IllegalArgumentException("element <datestamp> missing");
        }
        LocalDate datestamp;
        try {
            datestamp = LocalDate.parse(stamp.length() > 10 ? stamp.substring(0, 10) : stamp);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("element <datestamp>: not a date: " + stamp);
        }
        List<String> sets =
                header.all("setSpec").stream().map(XmlTree.Element::oneLine).toList();
        XmlTree.Element metadata = record.child("metadata")
                .flatMap(m -> m.children().stream().findFirst())
                .orElseThrow(() -> new IllegalArgumentException("element <metadata> missing or empty"));
        String fallbackId = header.childText("identifier");
        return switch (metadata.name()) {
            case "arXivRaw" -> arXivRaw(metadata, fallbackId, datestamp, sets);
            case "arXiv" -> arXiv(metadata, fallbackId, datestamp, sets);
            default ->
                throw new IllegalArgumentException("unsupported metadata format <" + metadata.name() + "> at line "
                        + metadata.line() + "; harvest with metadataPrefix arXivRaw or arXiv");
        };
    }

    /** {@code arXivRaw}: every version with its date, authors as one string. */
    private static Harvested arXivRaw(
            XmlTree.Element m, @Nullable String fallbackId, LocalDate datestamp, List<String> sets) {
        ArxivId id = id(m, fallbackId);
        int version = 0;
        Instant first = null;
        Instant last = null;
        for (XmlTree.Element v : m.all("version")) {
            int number = ArxivId.parse(id.id() + v.attribute("version"))
                    .map(ArxivId::version)
                    .orElse(0);
            String date = v.childText("date");
            Instant at = null;
            if (date != null) {
                try {
                    at = ZonedDateTime.parse(date, RFC_1123).toInstant();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(
                            "element <version> at line " + v.line() + ": not a date: " + date);
                }
            }
            if (number >= version) {
                version = number;
                last = at == null ? last : at;
            }
            if (number == 1 || first == null) {
                first = at == null ? first : at;
            }
        }
        String authors = m.childText("authors");
        Paper paper = new Paper(
                id,
                version,
                required(m, "title"),
                abstractOf(m),
                authors == null ? List.of() : ArxivListingFormat.splitAuthors(authors),
                categories(m),
                first,
                last,
                m.childText("comments"),
                m.childText("journal-ref"),
                firstDoi(m.childText("doi")),
                m.childText("license"),
                List.of(),
                0,
                null);
        return new Harvested(paper, datestamp, sets, List.of());
    }

    /** {@code arXiv}: authors split into names (with affiliations), but only the first and last dates. */
    private static Harvested arXiv(
            XmlTree.Element m, @Nullable String fallbackId, LocalDate datestamp, List<String> sets) {
        ArxivId id = id(m, fallbackId);
        List<String> authors = new ArrayList<>();
        List<String> affiliations = new ArrayList<>();
        m.child("authors").ifPresent(list -> {
            for (XmlTree.Element a : list.all("author")) {
                String name = String.join(
                                " ",
                                Arrays.asList(
                                        orEmpty(a.childText("forenames")),
                                        orEmpty(a.childText("keyname")),
                                        orEmpty(a.childText("suffix"))))
                        .trim()
                        .replaceAll("\\s+", " ");
                if (!name.isEmpty()) {
                    authors.add(name);
                }
                a.all("affiliation").stream()
                        .map(XmlTree.Element::oneLine)
                        .filter(s -> !s.isEmpty())
                        .forEach(affiliations::add);
            }
        });
        Instant created = day(m, "created");
        Instant updated = day(m, "updated");
        Paper paper = new Paper(
                id,
                0,
                required(m, "title"),
                abstractOf(m),
                authors,
                categories(m),
                created,
                updated != null ? updated : created,
                m.childText("comments"),
                m.childText("journal-ref"),
                firstDoi(m.childText("doi")),
                m.childText("license"),
                List.of(),
                0,
                null);
        return new Harvested(paper, datestamp, sets, affiliations);
    }

    private static ArxivId id(XmlTree.Element m, @Nullable String fallbackId) {
        String raw = m.childText("id");
        if (raw == null) {
            raw = fallbackId;
        }
        String text = raw;
        return ArxivId.parse(text)
                .orElseThrow(() -> new IllegalArgumentException("element <id>: not an arXiv id: " + text));
    }

    private static String required(XmlTree.Element m, String name) {
        String text = m.childText(name);
        if (text == null) {
            throw new IllegalArgumentException("element <" + name + "> missing or empty");
        }
        return text;
    }

    /** Abstracts arrive hard-wrapped (and, in pretty-printed copies, indented): one paragraph of text is kept. */
    private static String abstractOf(XmlTree.Element m) {
        return required(m, "abstract");
    }

    private static List<String> categories(XmlTree.Element m) {
        String c = m.childText("categories");
        return c == null ? List.of() : Arrays.asList(c.split(" "));
    }

    /** arXivRaw lists every DOI of a paper (an erratum adds one); the catalog keeps the paper's own, the first. */
    private static @Nullable String firstDoi(@Nullable String doi) {
        return doi == null ? null : doi.split(" ")[0];
    }

    private static @Nullable Instant day(XmlTree.Element m, String name) {
        String text = m.childText(name);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("element <" + name + ">: not a date: " + text);
        }
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static @Nullable Long number(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
