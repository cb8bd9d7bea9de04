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
    public static ResponseEntity<String> of(CitationFormat format, List<Paper> papers, String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]+", "-");
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.parseMediaType(format.mediaType()), StandardCharsets.UTF_8))
                .header(
                        "Content-Disposition",
                        ContentDisposition.inline()
                                .filename(safe + "." + format.extension())
                                .build()
                                .toString())
                .body(Citations.format(format, papers));
    }
}
