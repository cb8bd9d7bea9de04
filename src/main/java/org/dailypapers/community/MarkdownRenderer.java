package org.dailypapers.community;

import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Comment Markdown to safe HTML, in two independent layers: commonmark escapes raw HTML and drops unsafe link
 * schemes, then an allow-list sanitiser keeps only formatting elements and http(s)/mailto links. Either layer alone
 * would stop the known payloads; both together survive a bug in one of them.
 */
final class MarkdownRenderer {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(
                    "p",
                    "br",
                    "em",
                    "strong",
                    "code",
                    "pre",
                    "blockquote",
                    "ul",
                    "ol",
                    "li",
                    "hr",
                    "a",
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href")
            .onElements("a")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer", "ugc")
            .allowAttributes("start")
            .matching(Pattern.compile("\\d{1,6}"))
            .onElements("ol")
            .allowAttributes("class")
            .matching(Pattern.compile("language-[A-Za-z0-9_+#-]{1,40}"))
            .onElements("code")
            .toFactory();

    private MarkdownRenderer() {}

    static String render(String markdown) {
        String html = RENDERER.render(PARSER.parse(markdown));
        return sanitize(html);
    }

    static String sanitize(String html) {
        return POLICY.sanitize(html);
    }
}
