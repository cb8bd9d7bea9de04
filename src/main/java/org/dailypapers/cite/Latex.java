package org.dailypapers.cite;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text for BibTeX field values. Titles and names are plain text as the pages show them, so LaTeX's special
 * characters are escaped; inline math ({@code $O(n)$}), which arXiv titles carry as LaTeX, stays math when it is
 * well formed (pandoc's rule: no space inside either dollar, no digit right after the closing one, so "$5 and $10"
 * is money). Dashes stay dashes: "--" would print as an en dash, so it is written {@code -{}-}. Braces are written as commands, never as {@code \{}: BibTeX counts every brace, escaped or not, so an
 * escaped lone brace would end the field early. Non-ASCII letters stay as they are (the files are UTF-8, which
 * biber, Zotero and JabRef read), so names keep their accents.
 */
final class Latex {

    private static final Pattern MATH = Pattern.compile("\\$(?=\\S)[^$]*(?<=\\S)\\$(?!\\d)");

    private Latex() {}

    static String escape(String text) {
        String s = text.strip().replaceAll("\\s+", " ");
        if (count(s, '$') % 2 != 0) {
            return escapePlain(s);
        }
        StringBuilder out = new StringBuilder();
        Matcher m = MATH.matcher(s);
        int at = 0;
        while (m.find()) {
            String math = m.group();
            if (!wellFormedMath(math)) {
                continue;
            }
            out.append(escapePlain(s.substring(at, m.start()))).append(math);
            at = m.end();
        }
        return out.append(escapePlain(s.substring(at))).toString();
    }

    /** Balanced braces, no comment sign, and nothing that ends the field or the entry. */
    private static boolean wellFormedMath(String math) {
        int depth = 0;
        for (int i = 0; i < math.length(); i++) {
            char c = math.charAt(i);
            boolean escaped = i > 0 && math.charAt(i - 1) == '\\';
            if (c == '%' && !escaped) {
                return false;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (--depth < 0) {
                    return false;
                }
            }
        }
        return depth == 0 && !math.contains("@");
    }

    static String escapePlain(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{' -> out.append("\\textbraceleft{}");
                case '}' -> out.append("\\textbraceright{}");
                case '^' -> out.append("\\textasciicircum{}");
                case '~' -> out.append("\\textasciitilde{}");
                case '%', '&', '$', '#', '_' -> out.append('\\').append(c);
                case '-' -> out.append(i + 1 < s.length() && s.charAt(i + 1) == '-' ? "-{}" : "-");
                default -> {
                    if (!Character.isISOControl(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }
}
