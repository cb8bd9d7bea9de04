package org.dailypapers.paper;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An arXiv identifier: new style ({@code 2501.05874}, {@code 0704.0001}) or old style ({@code hep-th/9901001}, also
 * written with a subject class as {@code math.GT/0309136}), with an optional version. {@link #id()} is the canonical
 * form without version; old-style subject classes are dropped because arXiv numbers are unique per archive and its
 * own OAI identifiers omit them.
 *
 * @param id canonical identifier without version
 * @param version version number, or 0 when the text named none
 */
public record ArxivId(String id, int version) implements Comparable<ArxivId> {

    /**
     * The two request-path segments of an old-style id ({@code math.GT/0309136}, {@code hep-th/9901001v2}) as Spring
     * path variables {@code archive} and {@code number}: routes that name a paper take this pattern beside their
     * one-segment {@code {id}} pattern, since the id's slash splits it in two.
     */
    public static final String OLD_STYLE_PATH = "{archive:[a-zA-Z][a-zA-Z.-]*}/{number:\\d{7}(?:v\\d+)?}";

    private static final Pattern NEW_STYLE = Pattern.compile("(\\d{4}\\.\\d{4,5})(?:v(\\d+))?");
    private static final Pattern OLD_STYLE =
            Pattern.compile("([a-z][a-z-]*)(?:\\.[A-Za-z]{2})?/(\\d{7})(?:v(\\d+))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern PREFIX = Pattern.compile(
            "^(?:https?://)?(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf|html|format)/|^oai:arxiv\\.org:|^arxiv:",
            Pattern.CASE_INSENSITIVE);

    public ArxivId {
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative: " + version);
        }
    }

    /** Reads an identifier from plain ids, {@code arXiv:} prefixes, OAI identifiers and abs/pdf URLs. */
    public static Optional<ArxivId> parse(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        t = PREFIX.matcher(t).replaceFirst("");
        int query = indexOfAny(t, '?', '#');
        if (query >= 0) {
            t = t.substring(0, query);
        }
        if (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            t = t.substring(0, t.length() - 4);
        }
        Matcher m = NEW_STYLE.matcher(t);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(1).substring(2, 4));
            if (month < 1 || month > 12) {
                return Optional.empty();
            }
            return Optional.of(new ArxivId(m.group(1), versionOf(m.group(2))));
        }
        m = OLD_STYLE.matcher(t);
        if (m.matches()) {
            return Optional.of(
                    new ArxivId(m.group(1).toLowerCase(Locale.ROOT) + "/" + m.group(2), versionOf(m.group(3))));
        }
        return Optional.empty();
    }

    public static ArxivId of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not an arXiv identifier: " + text));
    }

    public boolean hasVersion() {
        return version > 0;
    }

    public ArxivId withoutVersion() {
        return version == 0 ? this : new ArxivId(id, 0);
    }

    public ArxivId withVersion(int newVersion) {
        return new ArxivId(id, newVersion);
    }

    public String absUrl() {
        return "https://arxiv.org/abs/" + id;
    }

    public String pdfUrl() {
        return "https://arxiv.org/pdf/" + id;
    }

    /** The text with version, as arXiv writes it ({@code 2501.05874v2}). */
    public String versioned() {
        return version == 0 ? id : id + "v" + version;
    }

    @Override
    public String toString() {
        return versioned();
    }

    @Override
    public int compareTo(ArxivId other) {
        int c = id.compareTo(other.id);
        return c != 0 ? c : Integer.compare(version, other.version);
    }

    private static int versionOf(@Nullable String digits) {
        if (digits == null) {
            return 0;
        }
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : (j < 0 ? i : Math.min(i, j));
    }
}
