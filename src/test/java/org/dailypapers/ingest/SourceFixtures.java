package org.dailypapers.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.dailypapers.TestData;
import org.dailypapers.paper.SourceRecord;

/**
 * Records and arXiv papers of the shared data, read as the harvesters and the importer read them, for tests outside
 * this package that need real works merged across sources: the NAACL 2025 paper 2025.naacl-long.110 is arXiv
 * 2503.16689, the ICLR 2026 submission IKJyRyHpHV is arXiv 2510.25947.
 */
public final class SourceFixtures {

    public static final String NAACL = "2025.naacl-long.110";
    public static final String NAACL_ARXIV = "2503.16689";
    public static final String ICLR = "IKJyRyHpHV";
    public static final String ICLR_ARXIV = "2510.25947";

    private SourceFixtures() {}

    /** The papers of one recorded ACL Anthology collection ({@code 2025.naacl.xml}). */
    public static List<SourceRecord> acl(String file) {
        return AclAnthologyFormat.parse(file, SharedData.bytes(SharedData.acl(file)))
                .records();
    }

    /** The 1,000 recorded ICLR 2026 submissions of OpenReview. */
    public static List<SourceRecord> openReviewIclr2026() {
        return OpenReviewFormat.parse("iclr2026", SharedData.bytes(SharedData.openReviewNotes()))
                .records();
    }

    /** The lines of these papers in the recorded arXiv listing, as they are, for the importer. */
    public static byte[] arxivLines(Set<String> ids) {
        StringBuilder out = new StringBuilder();
        try (var in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(TestData.arxivDailyCs())), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                for (String id : ids) {
                    if (line.contains("\"id\": \"" + id + "\"")) {
                        out.append(line).append('\n');
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
