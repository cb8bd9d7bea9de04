package org.dailypapers.ingest;

import org.dailypapers.paper.SourceId;
import org.dailypapers.paper.SourceRecords;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An admin's undoing of a wrong merge, from the records list of a paper page: the record stands alone again and
 * the matcher never puts it with that paper again. Under {@code /admin/curation}, so the curation admin chain lets
 * admins only through.
 */
@Controller
@RequestMapping("/admin/curation/records")
class RecordAdminController {

    private final SourceRecords records;

    RecordAdminController(SourceRecords records) {
        this.records = records;
    }

    @PostMapping("/split")
    ResponseEntity<String> split(@RequestParam("record") String record) {
        var id = SourceId.fromKey(record).filter(x -> x.scheme() != SourceId.Scheme.ARXIV);
        if (id.isEmpty()) {
            return plain(
                    HttpStatus.BAD_REQUEST,
                    "record: '" + record + "' is not a record key such as"
                            + " acl:2024.acl-long.1, doi:10.1101/2024.01.02.577000 or openreview:FPLNSx1jmL");
        }
        var from = records.split(id.get());
        if (from.isEmpty()) {
            return plain(HttpStatus.CONFLICT, "record: " + record + " belongs to no arXiv paper; nothing to split");
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header("Location", id.get().path())
                .build();
    }

    private static ResponseEntity<String> plain(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(message + "\n");
    }
}
