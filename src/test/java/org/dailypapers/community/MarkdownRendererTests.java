package org.dailypapers.community;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Real XSS payloads through the comment renderer: the output must be inert. */
class MarkdownRendererTests {

    @Test
    void shouldRenderMarkdownFormatting() {
        assertThat(MarkdownRenderer.render("**bold** and `code`\n\n- item"))
                .isEqualTo("<p><strong>bold</strong> and <code>code</code></p>\n<ul><li>item</li></ul>\n");
    }

    @Test
    void shouldEscapeScriptTags() {
        String html = MarkdownRenderer.render("<script>alert(1)</script>");

        assertThat(html).doesNotContain("<script").isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
    }

    @Test
    void shouldDropEventHandlersOfRawHtml() {
        String html = MarkdownRenderer.render("<img src=x onerror=alert(1)>");

        assertThat(html).doesNotContain("<img").isEqualTo("<p>&lt;img src&#61;x onerror&#61;alert(1)&gt;</p>\n");
    }

    @Test
    void shouldDropJavascriptLinks() {
        String html =
                MarkdownRenderer.render("[click me](javascript:alert(1)) and [ok](https://arxiv.org/abs/2501.05874)");

        assertThat(html)
                .doesNotContain("javascript")
                .contains("click me")
                // the sanitiser writes the rel values in an order of its own
                .containsPattern("<a href=\"https://arxiv.org/abs/2501.05874\" rel=\"[a-z ]*nofollow[a-z ]*\">ok</a>")
                .containsPattern("rel=\"[a-z ]*noopener[a-z ]*\">ok</a>");
    }

    @Test
    void shouldDropDataAndVbscriptLinksAndImages() {
        String html = MarkdownRenderer.render("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"
                + " [y](vbscript:msgbox) ![z](https://evil.example/pixel.png)");

        assertThat(html).doesNotContain("data:").doesNotContain("vbscript").doesNotContain("<img");
    }

    @Test
    void shouldSanitiseHtmlThatBypassedTheMarkdownLayer() {
        // the second layer on its own: what would reach the page if commonmark passed raw HTML through
        String html = MarkdownRenderer.sanitize("<p onclick=\"alert(1)\">hi</p><svg onload=alert(1)></svg>"
                + "<a href=\"javascript:alert(1)\">x</a><iframe src=\"https://evil.example\"></iframe>");

        assertThat(html).isEqualTo("<p>hi</p>x");
    }
}
