package org.dailypapers.cite;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dailypapers.paper.Paper;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The answer of every {@code .bib} and {@code .ris} address: the file in UTF-8, typed so that the Zotero Connector
 * offers to import it, and named for saving (web's paper and list exports, community's collections).
 */
public final class CitationFiles {

    private CitationFiles() {}

    /** The format an export address asks for, by its suffix. */
    public static CitationFormat formatOf(HttpServletRequest request) {
        return request.getRequestURI().endsWith(".ris") ? CitationFormat.RIS : CitationFormat.BIBTEX;
    }

    /** @param name the file name without extension */
    /** One paper's file; its BibTeX names the venue when a venue took it (see {@link Citations#bibtex(Paper, List)}). */
    public static ResponseEntity<String> of(
            CitationFormat format, Paper paper, List<org.dailypapers.paper.SourceRecord> records, String name) {
        if (format != CitationFormat.BIBTEX || VenueBibTex.published(records).isEmpty()) {
            return of(format, List.of(paper), name);
        }
        return file(format, name, Citations.bibtex(paper, records));
    }

    public static ResponseEntity<String> of(CitationFormat format, List<Paper> papers, String name) {
        return file(format, name, Citations.format(format, papers));
    }

    private static ResponseEntity<String> file(CitationFormat format, String name, String body) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]+", "-");
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.parseMediaType(format.mediaType()), StandardCharsets.UTF_8))
                .header(
                        "Content-Disposition",
                        ContentDisposition.inline()
                                .filename(safe + "." + format.extension())
                                .build()
                                .toString())
                .body(body);
    }
}
