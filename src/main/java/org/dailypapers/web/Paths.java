package org.dailypapers.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.util.UriUtils;

/** The site's URLs in one place, so that templates, controllers and feeds agree on them. */
@NamedInterface("links")
public final class Paths {

    /** The categories that pages offer as choices, and that the site's feed list names. */
    public static final java.util.List<String> COMMON_CATEGORIES = ListingView.CATEGORY_CHOICES;

    private Paths() {}

    /** Old-style ids keep their slash: {@code /papers/hep-th/9901001} is what arXiv users expect to type. */
    public static String paper(String arxivId) {
        return "/papers/" + arxivId;
    }

    public static String day(LocalDate day) {
        return "/daily/" + day;
    }

    public static String category(String category) {
        return "/categories/" + segment(category);
    }

    public static String organization(String name) {
        return "/organizations/" + segment(name);
    }

    public static String author(String name) {
        return "/authors/" + segment(name);
    }

    public static String categoryFeed(String category) {
        return "/feeds/categories/" + segment(category) + ".atom";
    }

    public static String organizationFeed(String name) {
        return "/feeds/organizations/" + segment(name) + ".atom";
    }

    public static String authorFeed(String name) {
        return "/feeds/authors/" + segment(name) + ".atom";
    }

    /** A search for papers with this keyword ({@code keyword:"..."}). */
    public static String keyword(String keyword) {
        return "/search?q=" + param("keyword:\"" + keyword.replace("\"", " ").strip() + "\"");
    }

    /** The search {@code q} narrowed to papers with this keyword (a required {@code +keyword:"..."} clause). */
    public static String keywordRefining(String q, String keyword) {
        if (q.isBlank()) {
            return keyword(keyword);
        }
        return "/search?q="
                + param(q.strip() + " +keyword:\"" + keyword.replace("\"", " ").strip() + "\"");
    }

    public static String segment(String value) {
        return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    }

    /** Also encodes '+', which servlet containers would read back as a space ("C++" must survive). */
    public static String param(String value) {
        return UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8).replace("+", "%2B");
    }
}
