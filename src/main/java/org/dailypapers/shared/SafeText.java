package org.dailypapers.shared;

import org.jspecify.annotations.Nullable;

/**
 * Text that every output format can carry. XML 1.0 (Atom feeds, sitemaps) forbids most C0 controls, U+FFFE, U+FFFF
 * and unpaired surrogates; one such character in a stored title would make every feed that lists the paper fail.
 * Imports, harvests and user input pass text through {@link #clean}; writers of XML call it again so that they are
 * safe on their own.
 */
public final class SafeText {

    private SafeText() {}

    /** The text without XML-illegal characters (tab, line feed and carriage return stay); the same instance if none. */
    public static String clean(String text) {
        int first = firstIllegal(text);
        if (first < 0) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        b.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    b.append(c).append(text.charAt(++i));
                }
            } else if (isLegal(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    public static @Nullable String cleanNullable(@Nullable String text) {
        return text == null ? null : clean(text);
    }

    /** Whether the text holds no XML-illegal character. */
    public static boolean isClean(String text) {
        return firstIllegal(text) < 0;
    }

    private static int firstIllegal(String text) {
        // One comparison per character for the common case: every unit from U+0020 below the surrogates is legal.
        // Every imported and every read-back title and abstract passes through here.
        int n = text.length();
        int start = 0;
        while (start < n) {
            char c = text.charAt(start);
            if (c < 0x20 || c >= 0xD800) {
                break;
            }
            start++;
        }
        for (int i = start; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (!isLegal(c)) {
                return i;
            }
        }
        return -1;
    }

    /** A single UTF-16 unit that XML 1.0 allows (surrogates are legal only in pairs, handled by the callers). */
    private static boolean isLegal(char c) {
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        return !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';
    }
}
