package org.dailypapers.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The one test for links that come from outside (imported data, harvests, users) before they are stored or served:
 * only absolute {@code http} and {@code https} addresses with a host pass. {@code javascript:}, {@code data:},
 * {@code vbscript:}, {@code file:} and anything unparsable never reach a page, the JSON API or a feed.
 */
public final class WebLinks {

    private WebLinks() {}

    public static boolean isWebLink(@Nullable String url) {
        if (url == null || url.isBlank() || !SafeText.isClean(url)) {
            return false;
        }
        String u = url.strip();
        // whitespace or control characters inside a scheme ("java\tscript:") are how filters get tricked
        for (int i = 0; i < u.length(); i++) {
            if (Character.isWhitespace(u.charAt(i)) || u.charAt(i) < 0x20) {
                return false;
            }
        }
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme();
            if (scheme == null) {
                return false;
            }
            String s = scheme.toLowerCase(Locale.ROOT);
            return (s.equals("http") || s.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The link, stripped, when it is a web link; otherwise nothing. */
    public static @Nullable String webLinkOrNull(@Nullable String url) {
        return isWebLink(url) ? url.strip() : null;
    }

    /** A web link or a path on this site ("/avatars/x.png", never "//host"), as HF avatar addresses are. */
    public static @Nullable String webOrSitePathOrNull(@Nullable String url) {
        if (url == null) {
            return null;
        }
        String u = url.strip();
        if (u.startsWith("/")
                && !u.startsWith("//")
                && !u.startsWith("/\\")
                && SafeText.isClean(u)
                && u.chars().noneMatch(c -> c < 0x20 || Character.isWhitespace(c))) {
            return u;
        }
        return webLinkOrNull(u);
    }
}
