package org.dailypapers.community;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.dailypapers.account.AccountPrincipal;
import org.dailypapers.cite.CitationFiles;
import org.dailypapers.cite.Citations;
import org.dailypapers.paper.Paper;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /collections/{id}.bib} and {@code .ris}: a collection's papers (most recently added first, at most
 * {@link Citations#MAX_ENTRIES}) for a reference manager. Public collections for anyone, private ones for their
 * owner only; to everyone else a private one does not exist, as its page does not.
 */
@RestController
class CollectionExportController {

    private final Collections collections;

    CollectionExportController(Collections collections) {
        this.collections = collections;
    }

    @GetMapping({"/collections/{id}.bib", "/collections/{id}.ris"})
    ResponseEntity<String> export(
            @AuthenticationPrincipal @Nullable AccountPrincipal viewer,
            @PathVariable long id,
            HttpServletRequest request) {
        PaperCollection c = collections
                .find(id, viewer)
                .orElseThrow(() -> new CommunityException(
                        CommunityException.Kind.NOT_FOUND, null, "Collection " + id + " does not exist."));
        List<Paper> papers = collections.items(c).stream()
                .map(Collections.Item::paper)
                .limit(Citations.MAX_ENTRIES)
                .toList();
        return CitationFiles.of(CitationFiles.formatOf(request), papers, "collection-" + c.id());
    }

    /** Plain text: a reference manager or a script asked, not a browser tab. */
    @ExceptionHandler(CommunityException.class)
    ResponseEntity<String> failed(CommunityException e) {
        return ResponseEntity.status(e.kind().status())
                .contentType(MediaType.TEXT_PLAIN)
                .body(e.getMessage() + "\n");
    }
}
