package org.dailypapers.cite;

import java.util.Locale;
import java.util.Optional;

/** The export formats, with the file extension and the media type reference managers recognise. */
public enum CitationFormat {
    BIBTEX("bib", "application/x-bibtex"),
    RIS("ris", "application/x-research-info-systems");

    private final String extension;
    private final String mediaType;

    CitationFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** {@code bib}, {@code ris}: the suffix of the export addresses and of saved files. */
    public String extension() {
        return extension;
    }

    /** The Zotero Connector offers to import a download of this type. */
    public String mediaType() {
        return mediaType;
    }

    /** {@code bibtex}, {@code bib}, {@code ris}, any case. */
    public static Optional<CitationFormat> parse(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "bibtex", "bib" -> Optional.of(BIBTEX);
            case "ris" -> Optional.of(RIS);
            default -> Optional.empty();
        };
    }
}
