package org.dailypapers.paper;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds code repositories and project pages that authors name in abstracts and comments ("Code is available at
 * https://github.com/..."). Repository links are cut to {@code host/owner/name} so the same repository written two
 * ways is one link.
 */
final class LinkExtractor {

    private static final Pattern URL = Pattern.compile("(?i)(?:https?://|www\\.)[^\\s<>\"'{}|\\\\^`\\[\\]]+");
    private static final Pattern BROKEN_URL = Pattern.compile("(https?://\\S*/)\\s*\\n\\s*(?=\\S)");
    private static final Set<String> CODE_HOSTS =
            Set.of("github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "gitee.com", "sr.ht", "git.sr.ht");
    /** Hosts whose links are references, licences or the paper itself, never a project page. */
    private static final Set<String> NOT_PROJECT_HOSTS = Set.of(
            "arxiv.org",
            "export.arxiv.org",
            "doi.org",
            "dx.doi.org",
            "creativecommons.org",
            "openreview.net",
            "aclanthology.org",
            "ieeexplore.ieee.org",
            "dl.acm.org",
            "link.springer.com",
            "proceedings.neurips.cc",
            "proceedings.mlr.press",
            "papers.nips.cc",
            "openaccess.thecvf.com",
            "www.w3.org");

    private LinkExtractor() {}

    static List<PaperLink> extract(@Nullable String... texts) {
        Map<String, PaperLink> found = new LinkedHashMap<>();
        for (String text : texts) {
            // Most abstracts name no URL at all; the cheap test keeps imports fast.
            if (text == null || (!text.contains("://") && !text.contains("www."))) {
                continue;
            }
            // arXiv wraps abstracts at ~80 columns; a URL broken after a slash continues on the next line.
            String joined = BROKEN_URL.matcher(text).replaceAll("$1");
            Matcher m = URL.matcher(joined);
            while (m.find()) {
                classify(m.group())
                        .ifPresent(link -> found.putIfAbsent(link.url().toLowerCase(Locale.ROOT), link));
            }
        }
        return new ArrayList<>(found.values());
    }

    static Optional<PaperLink> classify(String rawUrl) {
        String url = trimTrailingPunctuation(rawUrl);
        if (url.regionMatches(true, 0, "www.", 0, 4)) {
            url = "https://" + url;
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String host = uri.getHost();
        if (host == null || !host.contains(".")) {
            return Optional.empty();
        }
        host = host.toLowerCase(Locale.ROOT);
        String bareHost = host.startsWith("www.") ? host.substring(4) : host;
        String[] segments = pathSegments(uri.getPath());
        if (CODE_HOSTS.contains(bareHost)) {
            if (segments.length < 2) {
                return Optional.empty();
            }
            String repo =
                    segments[1].endsWith(".git") ? segments[1].substring(0, segments[1].length() - 4) : segments[1];
            return Optional.of(
                    new PaperLink(PaperLink.Kind.CODE, "https://" + bareHost + "/" + segments[0] + "/" + repo));
        }
        if (bareHost.equals("huggingface.co") || bareHost.equals("hf.co")) {
            if (segments.length >= 3 && (segments[0].equals("spaces") || segments[0].equals("datasets"))) {
                var kind = segments[0].equals("spaces") ? PaperLink.Kind.PROJECT : PaperLink.Kind.HUGGINGFACE;
                return Optional.of(new PaperLink(
                        kind, "https://huggingface.co/" + segments[0] + "/" + segments[1] + "/" + segments[2]));
            }
            if (segments.length >= 2 && !segments[0].equals("papers") && !segments[0].equals("docs")) {
                return Optional.of(new PaperLink(
                        PaperLink.Kind.HUGGINGFACE, "https://huggingface.co/" + segments[0] + "/" + segments[1]));
            }
            return Optional.empty();
        }
        if (NOT_PROJECT_HOSTS.contains(host) || NOT_PROJECT_HOSTS.contains(bareHost)) {
            return Optional.empty();
        }
        String lowerPath = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
        if (lowerPath.endsWith(".pdf")) {
            return Optional.empty();
        }
        return Optional.of(new PaperLink(PaperLink.Kind.PROJECT, url));
    }

    private static String[] pathSegments(@Nullable String path) {
        if (path == null) {
            return new String[0];
        }
        return java.util.Arrays.stream(path.split("/"))
                .filter(s -> !s.isEmpty())
                .toArray(String[]::new);
    }

    private static String trimTrailingPunctuation(String url) {
        int end = url.length();
        while (end > 0) {
            char c = url.charAt(end - 1);
            if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '*' || c == '\'') {
                end--;
            } else if (c == ')' && count(url, '(', end) < count(url, ')', end)) {
                end--;
            } else {
                break;
            }
        }
        return url.substring(0, end);
    }

    private static int count(String s, char c, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
