package org.dailypapers.cite;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.SourceId;
import org.dailypapers.paper.SourceRecord;

/**
 * BibTeX with the venue: an arXiv paper published at a conference cites as {@code @inproceedings} with the
 * proceedings' booktitle and DOI (the arXiv id kept as eprint), a journal version as {@code @article}; a record that
 * stands alone cites as what it is (a bioRxiv preprint as {@code @misc} with its DOI).
 */
final class VenueBibTex {

    private VenueBibTex() {}

    /** The record whose venue a citation names: the first one the venue took, if any. */
    static Optional<SourceRecord> published(List<SourceRecord> records) {
        return records.stream()
                .filter(r -> r.decision().accepted() && r.source().scheme() != SourceId.Scheme.DOI)
                .findFirst();
    }

    static String paper(Paper p, String key, SourceRecord venue) {
        StringBuilder out = new StringBuilder("@inproceedings{").append(key).append(",\n");
        field(out, "title", Latex.escape(p.title()));
        if (!p.authors().isEmpty()) {
            field(out, "author", p.authors().stream().map(BibTex::name).collect(Collectors.joining(" and ")));
        }
        field(out, "booktitle", Latex.escape(String.valueOf(venue.venueName())));
        if (venue.year() != null) {
            field(out, "year", String.valueOf(venue.year()));
        }
        if (venue.doi() != null) {
            field(out, "doi", venue.doi());
        }
        field(out, "url", venue.landingUrl());
        field(out, "eprint", p.id().id());
        out.append("  archivePrefix = {arXiv}\n}\n");
        return out.toString();
    }

    static String record(SourceRecord r) {
        String surname = r.authors().isEmpty()
                ? "anon"
                : CitationKeys.ascii(
                        PersonName.parse(r.authors().getFirst().name()).surname());
        String key = (surname.isEmpty() ? "anon" : surname)
                + (r.year() == null ? "" : r.year())
                + CitationKeys.ascii(r.title().split("[\\s:-]+")[0]);
        boolean proceedings = r.decision().accepted() && r.source().scheme() != SourceId.Scheme.DOI;
        StringBuilder out = new StringBuilder(proceedings ? "@inproceedings{" : "@misc{")
                .append(key)
                .append(",\n");
        field(out, "title", Latex.escape(r.title()));
        if (!r.authors().isEmpty()) {
            field(
                    out,
                    "author",
                    r.authors().stream().map(a -> BibTex.name(a.name())).collect(Collectors.joining(" and ")));
        }
        if (proceedings) {
            field(out, "booktitle", Latex.escape(String.valueOf(r.venueName())));
        } else {
            field(
                    out,
                    "howpublished",
                    Latex.escape(r.venueName() == null ? r.source().label() : r.venueName()));
        }
        if (r.year() != null) {
            field(out, "year", String.valueOf(r.year()));
        }
        if (r.doi() != null) {
            field(out, "doi", r.doi());
        }
        out.append("  url = {").append(r.landingUrl()).append("}\n}\n");
        return out.toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append("  ").append(name).append(" = {").append(value).append("},\n");
    }
}
