package org.dailypapers.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperLink;
import org.junit.jupiter.api.Test;

class DigestRendererTests {

    private static Paper paper(String title, String abstractText, List<PaperLink> links, int upvotes) {
        return new Paper(
                ArxivId.of("2512.00001"),
                1,
                title,
                abstractText,
                List.of("A. Author"),
                List.of("cs.CL"),
                Instant.parse("2025-12-30T00:00:00Z"),
                null,
                null,
                null,
                null,
                null,
                links,
                upvotes,
                null);
    }

    private static Digest digest(Paper p, String reason) {
        return new Digest(
                "day:2025-12-31",
                LocalDate.parse("2025-12-31"),
                LocalDate.parse("2025-12-31"),
                Subscription.Frequency.DAILY,
                List.of(new Digest.Section("Trending today", null, List.of(new Digest.Item(p, reason)))));
    }

    @Test
    void shouldRenderMarkupFromTheCatalogInert() {
        Paper hostile = paper(
                "<script>alert(1)</script><img src=x onerror=alert(2)> \"Attention\" & more",
                "An <b>abstract</b> with <iframe src=//evil>",
                List.of(new PaperLink(PaperLink.Kind.CODE, "javascript:alert(3)")),
                3);
        DigestRenderer.RenderedMail mail = new DigestRenderer("https://papers.example.org/")
                .render(
                        digest(hostile, "Similar to \u201c<svg onload=x>\u201d that you upvoted"),
                        new DigestRenderer.Links(
                                "https://papers.example.org/digest/unsubscribe?token=a&b",
                                "https://papers.example.org/digest/preferences?token=c"));

        assertThat(mail.html())
                .doesNotContain("<script")
                .doesNotContain("<img")
                .doesNotContain("<iframe")
                .doesNotContain("<svg")
                .doesNotContain("<b>")
                .doesNotContain("javascript:")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&quot;Attention&quot; &amp; more")
                .contains("href=\"https://papers.example.org/papers/2512.00001\"")
                .contains("token=a&amp;b");
        assertThat(mail.text()).contains("<script>alert(1)</script>").doesNotContain("javascript:");
        assertThat(mail.subject()).isEqualTo("Daily papers for 2025-12-31: 1 paper");
    }

    @Test
    void shouldShowTwoLinesOfAbstractUpvotesAndTheCodeLink() {
        String longAbstract = "word ".repeat(200);
        Paper p = paper(
                "A  paper\n title",
                longAbstract,
                List.of(new PaperLink(PaperLink.Kind.CODE, "https://github.com/org/repo")),
                1);
        DigestRenderer.RenderedMail mail =
                new DigestRenderer("http://localhost:8080").render(digest(p, null), new DigestRenderer.Links("u", "m"));
        assertThat(mail.html())
                .contains(">A paper title</a>")
                .contains("\u25b2 1 upvote")
                .contains("href=\"https://github.com/org/repo\"");
        String snippet = DigestRenderer.snippet(longAbstract);
        assertThat(snippet).endsWith("\u2026").hasSizeLessThanOrEqualTo(241);
        assertThat(mail.text()).contains("code: https://github.com/org/repo").contains("\u25b2 1 upvote\u0020");
    }
}
