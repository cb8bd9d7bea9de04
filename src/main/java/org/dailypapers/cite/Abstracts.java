package org.dailypapers.cite;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Abstracts as paragraphs. arXiv keeps the submitter's hard line breaks (lines of about 80 characters) and marks a
 * new paragraph by a blank line or by a line indented with spaces, as TeX does; pages that kept the breaks wrapped at
 * odd places.
 */
public final class Abstracts {

    /** A blank line, or a line break followed by indentation. */
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\R[ \\t]*\\R\\s*|\\R[ \\t]+");

    private Abstracts() {}

    /** The paragraphs of an abstract, each on one line with single spaces; never empty for a non-blank text. */
    public static List<String> paragraphs(String text) {
        return Arrays.stream(PARAGRAPH_BREAK.split(text.strip()))
                .map(p -> p.strip().replaceAll("\\s+", " "))
                .filter(p -> !p.isEmpty())
                .toList();
    }
}
