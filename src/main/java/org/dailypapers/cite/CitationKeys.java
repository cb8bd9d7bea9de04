package org.dailypapers.cite;

import java.text.Normalizer;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;

/**
 * Citation keys as Google Scholar makes them: first author's surname, year, first significant title word
 * ({@code vaswani2017attention}), in ASCII letters and digits. The year is that of the first version, so a new
 * version never changes a key. Papers of one file that would share a key are told apart by suffixes b, c, ... in
 * arXiv id order; the oldest keeps the plain key, the one its own page and a one-paper export give it.
 */
final class CitationKeys {

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "on", "of", "in", "for", "to", "and", "or", "with", "from", "by", "at", "as", "is", "are",
            "do", "does", "can", "via", "towards", "toward", "into", "how", "what", "why", "when", "we", "you");

    private static final Pattern NEW_STYLE = Pattern.compile("(\\d{2})\\d{2}\\.\\d{4,5}");
    private static final Pattern OLD_STYLE = Pattern.compile(".*/(\\d{2})\\d{5}");

    private CitationKeys() {}

    /** Keys for the papers, in their order, unique within the list. */
    static List<String> of(List<Paper> papers) {
        Map<ArxivId, String> keys =
                resolve(papers.stream().map(p -> Map.entry(p.id(), base(p))).toList());
        return papers.stream().map(p -> keys.get(p.id())).toList();
    }

    /** Unique keys from (paper, base key) pairs: the oldest id of each base keeps it, later ones get b, c, ... */
    static Map<ArxivId, String> resolve(List<Map.Entry<ArxivId, String>> bases) {
        Map<String, List<ArxivId>> byBase = new LinkedHashMap<>();
        for (Map.Entry<ArxivId, String> b : bases) {
            byBase.computeIfAbsent(b.getValue(), k -> new ArrayList<>()).add(b.getKey());
        }
        Map<ArxivId, String> keys = new HashMap<>();
        Set<String> taken = new java.util.HashSet<>(byBase.keySet());
        for (Map.Entry<String, List<ArxivId>> group : byBase.entrySet()) {
            List<ArxivId> same = new ArrayList<>(group.getValue());
            same.sort(Comparator.naturalOrder());
            for (int i = 0; i < same.size(); i++) {
                String key = group.getKey();
                if (i > 0) {
                    int n = i;
                    do {
                        key = group.getKey() + suffix(n++);
                    } while (taken.contains(key));
                    taken.add(key);
                }
                keys.putIfAbsent(same.get(i), key);
            }
        }
        return keys;
    }

    /** b, c, ..., z, then z27, z28, ... */
    private static String suffix(int index) {
        return index < 25 ? String.valueOf((char) ('a' + index)) : "z" + (index + 2);
    }

    static String base(Paper p) {
        String surname = p.authors().isEmpty()
                ? ""
                : ascii(PersonName.parse(p.authors().getFirst()).surname());
        if (surname.isEmpty()) {
            surname = "anon";
        }
        return surname + year(p) + firstWord(p.title());
    }

    static String year(Paper p) {
        if (p.publishedAt() != null) {
            return Integer.toString(p.publishedAt().atZone(ZoneOffset.UTC).getYear());
        }
        String id = p.id().id();
        Matcher m = NEW_STYLE.matcher(id);
        if (m.matches()) {
            return "20" + m.group(1);
        }
        m = OLD_STYLE.matcher(id);
        if (m.matches()) {
            int yy = Integer.parseInt(m.group(1));
            return (yy >= 91 ? "19" : "20") + m.group(1);
        }
        return "";
    }

    private static String firstWord(String title) {
        String first = "";
        for (String word : ascii(title.replaceAll("[-/]", " "), true).split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (first.isEmpty()) {
                first = word;
            }
            if (!STOP_WORDS.contains(word)) {
                return word;
            }
        }
        return first;
    }

    static String ascii(String text) {
        return ascii(text, false).replace(" ", "");
    }

    /** Lower-case ASCII letters and digits; accents dropped, a few letters spelled out, everything else a space. */
    private static String ascii(String text, boolean keepSpaces) {
        String s = text.replace("ß", "ss")
                .replace("æ", "ae")
                .replace("Æ", "AE")
                .replace("ø", "o")
                .replace("Ø", "O")
                .replace("ł", "l")
                .replace("Ł", "L")
                .replace("đ", "d")
                .replace("Đ", "D")
                .replace("œ", "oe")
                .replace("ı", "i");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", keepSpaces ? " " : "");
        return s.strip();
    }
}
