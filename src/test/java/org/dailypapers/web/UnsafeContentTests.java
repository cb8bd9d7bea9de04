package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dailypapers.ingest.ImportListener;
import org.dailypapers.ingest.ImportSummary;
import org.dailypapers.ingest.PaperImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imported data a stranger controls: links with schemes other than http(s) and XML-illegal characters in titles and
 * names. Neither may reach the JSON API or a feed, and neither may break a feed for everyone.
 */
class UnsafeContentTests extends SiteTestSupport {

    @Autowired
    PaperImporter importer;

    @TempDir
    Path work;

    @Test
    void shouldServeOnlyHttpLinksAndXmlLegalTextOfAnImportedPaper() throws Exception {
        // a day long before the demo set, under an organisation of its own, so no other test sees the paper
        String entry =
                """
                [{"paper": {"id": "2001.00042", "title": "Bell\\u0001 rings\\uFFFE twice",
                  "summary": "An abstract with a \\u0008 backspace.",
                  "authors": [{"name": "Eve\\u0000 Mallory"}],
                  "publishedAt": "2020-01-14T10:00:00.000Z", "submittedOnDailyAt": "2020-01-15T08:00:00.000Z",
                  "githubRepo": "javascript:alert(5)", "projectPage": "data:text/html,<script>alert(1)</script>"},
                  "title": "Bell\\u0001 rings\\uFFFE twice",
                  "organization": {"name": "UnsafeLinksLab", "fullname": "Unsafe\\u0002 Links Lab",
                    "avatar": "javascript:alert(6)"}}]
                """;
        Path file = work.resolve("2020-01-15.json");
        Files.writeString(file, entry, StandardCharsets.UTF_8);
        ImportSummary summary = importer.importFiles(List.of(file), ImportListener.NONE);
        assertThat(summary.recordsRead()).isEqualTo(1);

        HttpResponse<String> api = get("/api/papers/2001.00042", "application/json");
        assertThat(api.statusCode()).isEqualTo(200);
        JsonNode paper = JsonMapper.builder().build().readTree(api.body());
        assertThat(paper.has("githubRepo")).isFalse();
        assertThat(paper.has("projectPage")).isFalse();
        assertThat(paper.get("title").asString()).isEqualTo("Bell rings twice");
        assertThat(api.body()).doesNotContain("javascript:").doesNotContain("data:text");

        HttpResponse<String> daily = get("/api/daily_papers?date=2020-01-15", "application/json");
        assertThat(daily.body())
                .contains("2001.00042")
                .doesNotContain("javascript:")
                .doesNotContain("\\u0002");

        HttpResponse<String> atom = get("/feeds/organizations/UnsafeLinksLab.atom", "application/atom+xml");
        assertThat(atom.statusCode()).isEqualTo(200);
        Feed feed = (Feed) new WireFeedInput().build(new InputSource(new StringReader(atom.body())));
        assertThat(feed.getEntries()).singleElement().satisfies(e -> {
            assertThat(e.getTitle()).isEqualTo("Bell rings twice");
            assertThat(e.getOtherLinks()).extracting(Link::getHref).allSatisfy(h -> assertThat(h)
                    .startsWith("https://"));
        });
        // the trending and daily feeds, which every reader polls, stay valid with such a paper in the catalog
        assertThat(get("/feeds/trending.atom", "application/atom+xml").statusCode())
                .isEqualTo(200);
        assertThat(get("/papers/2001.00042").body()).doesNotContain("javascript:");
    }
}
