package org.dailypapers.digest;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.dailypapers.paper.Paper;

/**
 * Renders a digest as plain text and HTML. Mail clients strip style sheets, so the HTML uses inline styles and
 * tables; every text from the catalog is escaped, so markup in a title or abstract shows as text.
 */
final class DigestRenderer {

    private static final int SNIPPET_CHARS = 240;

    private final String baseUrl;

    DigestRenderer(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    record Links(String unsubscribeUrl, String manageUrl) {}

    record RenderedMail(String subject, String text, String html) {}

    RenderedMail render(Digest digest, Links links) {
        return new RenderedMail(subject(digest), text(digest, links), html(digest, links));
    }

    static String subject(Digest digest) {
        int n = digest.paperCount();
        String papers = n == 1 ? "1 paper" : n + " papers";
        return digest.frequency() == Subscription.Frequency.DAILY
                ? "Daily papers for " + digest.to() + ": " + papers
                : "Papers of the week to " + digest.to() + ": " + papers;
    }

    String paperUrl(Paper paper) {
        return baseUrl + "/papers/" + URLEncoder.encode(paper.id().id(), StandardCharsets.UTF_8);
    }

    /** Only web links: a code link comes from scraped text and must not become a javascript: or data: link. */
    static Optional<String> codeUrl(Paper paper) {
        return paper.githubRepo().filter(u -> u.startsWith("https://") || u.startsWith("http://"));
    }

    /** The first sentences of the abstract, cut at a word near {@link #SNIPPET_CHARS}. */
    static String snippet(String abstractText) {
        String flat = abstractText.replaceAll("\\s+", " ").strip();
        if (flat.length() <= SNIPPET_CHARS) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', SNIPPET_CHARS);
        return flat.substring(0, cut > SNIPPET_CHARS / 2 ? cut : SNIPPET_CHARS) + "\u2026";
    }

    private static String period(Digest digest) {
        return digest.from().equals(digest.to()) ? digest.to().toString() : digest.from() + " to " + digest.to();
    }

    private String text(Digest digest, Links links) {
        StringBuilder out = new StringBuilder();
        out.append(subject(digest)).append("\n").append(period(digest)).append("\n\n");
        for (Digest.Section section : digest.sections()) {
            out.append("== ").append(section.heading()).append(" ==\n");
            if (section.intro() != null) {
                out.append(section.intro()).append("\n");
            }
            out.append("\n");
            int i = 1;
            for (Digest.Item item : section.items()) {
                Paper p = item.paper();
                out.append(i++)
                        .append(". ")
                        .append(p.title().replaceAll("\\s+", " "))
                        .append("\n");
                out.append("   ").append(paperUrl(p)).append("\n");
                if (item.reason() != null) {
                    out.append("   ").append(item.reason()).append("\n");
                }
                out.append("   ").append(snippet(p.abstractText())).append("\n");
                out.append("   \u25b2 ").append(p.upvotes()).append(p.upvotes() == 1 ? " upvote" : " upvotes");
                codeUrl(p).ifPresent(u -> out.append(" \u00b7 code: ").append(u));
                out.append("\n\n");
            }
        }
        out.append("--\n");
        out.append("Change what you receive: ").append(links.manageUrl()).append("\n");
        out.append("Unsubscribe: ").append(links.unsubscribeUrl()).append("\n");
        return out.toString();
    }

    private String html(Digest digest, Links links) {
        StringBuilder out = new StringBuilder(8_192);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>")
                .append(htmlEscape(subject(digest)))
                .append("</title></head>\n")
                .append("<body style=\"margin:0;padding:0;background:#f5f5f4;")
                .append("font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#1c1917\">\n")
                .append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\">")
                .append("<tr><td align=\"center\" style=\"padding:24px 12px\">\n")
                .append("<table role=\"presentation\" width=\"640\" cellpadding=\"0\" cellspacing=\"0\" ")
                .append("style=\"max-width:640px;width:100%;background:#ffffff;border-radius:8px;")
                .append("border:1px solid #e7e5e4\">\n")
                .append("<tr><td style=\"padding:24px 28px 8px\">")
                .append("<div style=\"font-size:13px;color:#78716c\">dailypapers \u00b7 ")
                .append(htmlEscape(period(digest)))
                .append("</div><h1 style=\"margin:6px 0 0;font-size:22px\">")
                .append(htmlEscape(subject(digest)))
                .append("</h1></td></tr>\n");
        for (Digest.Section section : digest.sections()) {
            out.append("<tr><td style=\"padding:20px 28px 4px\"><h2 style=\"margin:0;font-size:17px;")
                    .append("border-bottom:2px solid #fbbf24;padding-bottom:4px\">")
                    .append(htmlEscape(section.heading()))
                    .append("</h2>");
            if (section.intro() != null) {
                out.append("<div style=\"font-size:13px;color:#78716c;margin-top:4px\">")
                        .append(htmlEscape(section.intro()))
                        .append("</div>");
            }
            out.append("</td></tr>\n");
            for (Digest.Item item : section.items()) {
                Paper p = item.paper();
                out.append("<tr><td style=\"padding:12px 28px\">")
                        .append("<a href=\"")
                        .append(htmlEscape(paperUrl(p)))
                        .append("\" style=\"font-size:16px;font-weight:600;color:#1d4ed8;text-decoration:none\">")
                        .append(htmlEscape(p.title().replaceAll("\\s+", " ")))
                        .append("</a>");
                if (item.reason() != null) {
                    out.append("<div style=\"font-size:13px;color:#92400e;margin-top:3px\">")
                            .append(htmlEscape(item.reason()))
                            .append("</div>");
                }
                out.append("<div style=\"font-size:14px;line-height:1.45;color:#44403c;margin-top:4px\">")
                        .append(htmlEscape(snippet(p.abstractText())))
                        .append("</div>")
                        .append("<div style=\"font-size:13px;color:#57534e;margin-top:6px\">\u25b2 ")
                        .append(p.upvotes())
                        .append(p.upvotes() == 1 ? " upvote" : " upvotes");
                codeUrl(p).ifPresent(u -> out.append(" \u00b7 <a href=\"")
                        .append(htmlEscape(u))
                        .append("\" style=\"color:#1d4ed8\">Code</a>"));
                out.append(" \u00b7 <a href=\"")
                        .append(htmlEscape(p.absUrl()))
                        .append("\" style=\"color:#1d4ed8\">arXiv</a></div></td></tr>\n");
            }
        }
        out.append("<tr><td style=\"padding:20px 28px 24px;font-size:12px;color:#78716c;")
                .append("border-top:1px solid #e7e5e4\">You receive this because you subscribed to dailypapers ")
                .append("digests. <a href=\"")
                .append(htmlEscape(links.manageUrl()))
                .append("\" style=\"color:#57534e\">Change what you receive</a> \u00b7 <a href=\"")
                .append(htmlEscape(links.unsubscribeUrl()))
                .append("\" style=\"color:#57534e\">Unsubscribe</a></td></tr>\n")
                .append("</table></td></tr></table>\n</body></html>\n");
        return out.toString();
    }
}
