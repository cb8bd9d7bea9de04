package org.dailypapers.paper;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Venue keys as filters, feeds and URLs take them ({@code naacl}, {@code iclr}, {@code biorxiv}): the short, lower-case
 * key of {@link SourceRecord#venue()}. One reading for the API, the pages and the feeds, so that a key one of them
 * takes is a key all of them take.
 */
public final class Venues {

    /** The longest key accepted; the sources' keys are a few letters. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0," + (MAX_LENGTH - 1) + "}");

    /** What a bad key is told it should be, after "venue: 'x' is not ...". */
    public static final String EXPECTED =
            "a venue key such as naacl or iclr (letters, digits, '.', '_', '-', at most " + MAX_LENGTH + " characters)";

    private Venues() {}

    /** The key in its canonical form (any case, surrounding blanks ignored); empty when it cannot be one. */
    public static Optional<String> parse(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        String v = text.strip().toLowerCase(Locale.ROOT);
        return KEY.matcher(v).matches() ? Optional.of(v) : Optional.empty();
    }
}
