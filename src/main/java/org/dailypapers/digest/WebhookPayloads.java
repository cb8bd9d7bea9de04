package org.dailypapers.digest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three shapes of a webhook body. Slack and Discord get what their incoming webhooks accept (within their size
 * limits); {@code JSON} is the documented schema {@code dailypapers.webhook.v1} (docs/webhooks.md).
 */
final class WebhookPayloads {

    static final String SCHEMA = "dailypapers.webhook.v1";
    /** Slack cuts a section's text at 3,000 characters, Discord a message at 2,000 and a description at 4,096. */
    private static final int SLACK_SECTION = 2_900;

    private static final int DISCORD_CONTENT = 1_900;
    private static final int DISCORD_EMBEDS = 10;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WebhookPayloads() {}

    /** What one delivery says, before it takes a shape. */
    record Message(String period, String title, String siteUrl, List<Section> sections) {
        int paperCount() {
            return sections.stream().mapToInt(s -> s.items().size()).sum();
        }
    }

    /** @param kind {@code follows}, {@code updated} or {@code trending} */
    record Section(String kind, String heading, List<Item> items) {}

    /** @param note the reason ("By Y, whom you follow") or the version change ("v2 → v3: ...") */
    record Item(String id, String title, String url, String arxivUrl, List<String> authors, @Nullable String note) {}

    static String render(Webhook.Shape shape, String deliveryKey, Message m) {
        Object body =
                switch (shape) {
                    case SLACK -> slack(m);
                    case DISCORD -> discord(m);
                    case JSON -> json(deliveryKey, m);
                };
        return JSON.writeValueAsString(body);
    }

    private static Map<String, Object> slack(Message m) {
        List<Object> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "header", "text", Map.of("type", "plain_text", "text", cut(m.title(), 150))));
        StringBuilder fallback = new StringBuilder(m.title());
        for (Section s : m.sections()) {
            StringBuilder text =
                    new StringBuilder("*").append(slackEscape(s.heading())).append("*");
            for (Item i : s.items()) {
                String line = "\n\u2022 <" + i.url() + "|" + slackEscape(i.title()) + ">"
                        + (i.note() == null ? "" : " \u2014 " + slackEscape(i.note()));
                if (text.length() + line.length() > SLACK_SECTION) {
                    text.append("\n\u2026");
                    break;
                }
                text.append(line);
            }
            blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", text.toString())));
            fallback.append(" \u00b7 ")
                    .append(s.heading())
                    .append(": ")
                    .append(s.items().size());
        }
        blocks.add(Map.of(
                "type",
                "context",
                "elements",
                List.of(Map.of(
                        "type", "mrkdwn", "text", "<" + m.siteUrl() + "/for-you|Daily Papers> \u00b7 " + m.period()))));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", cut(fallback.toString(), 2_000));
        body.put("blocks", blocks);
        return body;
    }

    /** Slack's mrkdwn needs only these three escaped. */
    private static String slackEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static Map<String, Object> discord(Message m) {
        StringBuilder content = new StringBuilder("**").append(m.title()).append("**");
        List<Object> embeds = new ArrayList<>();
        for (Section s : m.sections()) {
            content.append("\n")
                    .append(s.heading())
                    .append(": ")
                    .append(s.items().size());
            for (Item i : s.items()) {
                if (embeds.size() >= DISCORD_EMBEDS) {
                    break;
                }
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("title", cut(i.title(), 256));
                e.put("url", i.url());
                String authors = String.join(", ", i.authors().stream().limit(5).toList())
                        + (i.authors().size() > 5 ? " \u2026" : "");
                e.put("description", cut((i.note() == null ? "" : i.note() + "\n") + authors, 4_000));
                e.put("author", Map.of("name", cut(s.heading(), 256)));
                embeds.add(e);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", "Daily Papers");
        body.put("content", cut(content.toString(), DISCORD_CONTENT));
        body.put("embeds", embeds);
        // Titles come from papers: no @everyone or role pings, whatever they say.
        body.put("allowed_mentions", Map.of("parse", List.of()));
        return body;
    }

    private static Map<String, Object> json(String deliveryKey, Message m) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schema", SCHEMA);
        body.put("id", deliveryKey);
        body.put("period", m.period());
        body.put("title", m.title());
        body.put("site", m.siteUrl());
        List<Object> sections = new ArrayList<>();
        for (Section s : m.sections()) {
            List<Object> papers = new ArrayList<>();
            for (Item i : s.items()) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("id", i.id());
                p.put("title", i.title());
                p.put("url", i.url());
                p.put("arxiv_url", i.arxivUrl());
                p.put("authors", i.authors());
                if (i.note() != null) {
                    p.put("note", i.note());
                }
                papers.add(p);
            }
            sections.add(Map.of("kind", s.kind(), "heading", s.heading(), "papers", papers));
        }
        body.put("sections", sections);
        return body;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
