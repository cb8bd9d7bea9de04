package org.dailypapers.follow;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Something a reader follows. Papers match when they match the target and the keywords: at least one of
 * {@code include} (when there are any) and none of {@code exclude}, in the title or abstract, ignoring case.
 *
 * @param target an author name, a user handle (claimed author), an organisation name, an arXiv category or archive,
 *     or a query in the search syntax
 */
public record Follow(
        long id, long userId, Kind kind, String target, List<String> include, List<String> exclude, Instant createdAt) {

    public Follow {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    public enum Kind {
        AUTHOR("author"),
        CLAIMED_AUTHOR("claimed-author"),
        ORGANIZATION("organization"),
        CATEGORY("category"),
        SEARCH("search");

        private final String apiName;

        Kind(String apiName) {
            this.apiName = apiName;
        }

        /** The name in URLs, forms and JSON: {@code author}, {@code claimed-author}, ... */
        public String apiName() {
            return apiName;
        }

        public static Optional<Kind> parse(String name) {
            String n = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
            for (Kind k : values()) {
                if (k.apiName.equals(n)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /** How the follow reads in a reason or a list: "Yann LeCun", "cs.CL", "your search “diffusion”". */
    public String label() {
        return switch (kind) {
            case AUTHOR, ORGANIZATION, CATEGORY -> target;
            case CLAIMED_AUTHOR -> "@" + target;
            case SEARCH -> "\u201c" + target + "\u201d";
        };
    }

    /** The page the follow was made from. */
    public String href() {
        String segment = org.springframework.web.util.UriUtils.encodePathSegment(
                target, java.nio.charset.StandardCharsets.UTF_8);
        return switch (kind) {
            case AUTHOR -> "/authors/" + segment;
            case CLAIMED_AUTHOR -> "/users/" + segment;
            case ORGANIZATION -> "/organizations/" + segment;
            case CATEGORY -> "/categories/" + segment;
            case SEARCH ->
                "/search?mode=bm25&q="
                        + org.springframework.web.util.UriUtils.encodeQueryParam(
                                        target, java.nio.charset.StandardCharsets.UTF_8)
                                .replace("+", "%2B");
        };
    }

    /** The keyword filter alone: true when the text passes include and exclude. */
    public boolean keywordsAllow(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        for (String word : exclude) {
            if (t.contains(word.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        if (include.isEmpty()) {
            return true;
        }
        for (String word : include) {
            if (t.contains(word.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
