package org.dailypapers.paper;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the arXiv paper that is the same work as a record from another source: by DOI, by an arXiv id the source
 * names, else by title, author surnames and year. Titles are compared after normalisation (case, accents,
 * punctuation, markup leftovers); a title that differs in a word or two still matches when enough of the authors'
 * surnames agree, and an identical title needs a third of them, because generic titles ("Attention Is All You
 * Need"-style) recur across unrelated works. The thresholds are measured by {@code eval --dedup}.
 *
 * <p>In memory: one entry per arXiv paper, with an inverted index over title words for the near matches. Not
 * thread-safe; {@link SourceRecords} guards it.
 */
public final class WorkMatcher {

    /** Identical normalised titles with at least this share of surnames in common are the same work. */
    static final double EXACT_TITLE_AUTHORS = 0.34;
    /** Near titles: this much word overlap (Jaccard) ... */
    static final double NEAR_TITLE = 0.75;
    /** ... and this share of surnames in common. */
    static final double NEAR_TITLE_AUTHORS = 0.5;
    /** Near titles: at least this much word overlap when nearly all authors agree ... */
    static final double LOOSE_TITLE = 0.5;
    /** ... this share of the surnames, and at least {@link #LOOSE_MIN_COMMON} of them. */
    static final double LOOSE_TITLE_AUTHORS = 0.8;

    static final int LOOSE_MIN_COMMON = 2;
    /** A renamed paper that keeps its name ("RoboAlign: ...") and its authors (3 or more, nearly all). */
    static final int RENAMED_MIN_COMMON = 3;

    /** Words in more titles than this do not block candidates (they still count in the similarity). */
    private static final int COMMON_WORD = 3000;
    /** Rarest words of a title used to find candidates. */
    private static final int BLOCKING_WORDS = 3;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Set<String> STOP = Set.of(
            "a", "an", "the", "of", "for", "and", "in", "on", "to", "with", "via", "by", "from", "at", "is", "are",
            "as", "or", "its", "into", "towards", "toward", "using", "through");

    /** An arXiv paper as the matcher knows it. */
    public record Candidate(ArxivId id, String title, List<String> authors, @Nullable String doi, int year) {

        public static Candidate of(Paper p) {
            return new Candidate(p.id(), p.title(), p.authors(), p.doi(), yearOf(p));
        }
    }

    /** A match found, and why: {@code doi}, {@code arxiv-id}, {@code title}. */
    public record Match(ArxivId paperId, String reason, double score) {}

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Integer> byId = new HashMap<>();
    private final Map<String, List<Integer>> byTitleKey = new HashMap<>();
    private final Map<String, Integer> byDoi = new HashMap<>();
    private final Map<String, List<Integer>> byWord = new HashMap<>();

    private record Entry(
            Candidate candidate, String titleKey, String titleName, Set<String> words, Set<String> surnames) {}

    public int size() {
        return byId.size();
    }

    /** Adds a paper, or replaces what the matcher knew of it. */
    public void add(Candidate c) {
        Integer old = byId.get(c.id().id());
        Entry e = new Entry(c, titleKey(c.title()), titleName(c.title()), words(c.title()), surnames(c.authors()));
        if (old != null) {
            Entry before = entries.get(old);
            if (before.titleKey().equals(e.titleKey()) && before.surnames().equals(e.surnames())) {
                entries.set(old, e);
                putDoi(c, old);
                return;
            }
            // a changed title: the old entry stays unreachable through byId; index the new one afresh
        }
        int index = entries.size();
        entries.add(e);
        byId.put(c.id().id(), index);
        byTitleKey.computeIfAbsent(e.titleKey(), k -> new ArrayList<>(1)).add(index);
        for (String w : e.words()) {
            if (!STOP.contains(w)) {
                byWord.computeIfAbsent(w, k -> new ArrayList<>()).add(index);
            }
        }
        putDoi(c, index);
    }

    private void putDoi(Candidate c, int index) {
        if (c.doi() != null) {
            SourceId.doi(c.doi()).ifPresent(d -> byDoi.put(d.value(), index));
        }
    }

    public void addAll(Collection<Paper> papers) {
        papers.forEach(p -> add(Candidate.of(p)));
    }

    /**
     * The arXiv paper this record is the same work as, if any.
     *
     * @param excluded arXiv ids an admin split from this record: never matched again
     */
    public Optional<Match> match(SourceRecord r, Set<String> excluded) {
        for (String doi : new String[] {r.doi(), r.publishedDoi()}) {
            if (doi != null) {
                Integer i = byDoi.get(doi);
                if (i != null && current(i) && !excluded.contains(idOf(i))) {
                    return Optional.of(new Match(entries.get(i).candidate().id(), "doi", 1.0));
                }
            }
        }
        if (r.arxivId() != null) {
            Integer i = byId.get(r.arxivId().id());
            if (i != null && !excluded.contains(r.arxivId().id())) {
                return Optional.of(new Match(r.arxivId(), "arxiv-id", 1.0));
            }
        }
        return byTitle(r.title(), r.authorNames(), r.year(), excluded);
    }

    /** The title, author and year test alone, for records and for the evaluation. */
    public Optional<Match> byTitle(String title, List<String> authors, @Nullable Integer year, Set<String> excluded) {
        String key = titleKey(title);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Set<String> words = words(title);
        Set<Integer> candidates = new HashSet<>(byTitleKey.getOrDefault(key, List.of()));
        words.stream()
                .filter(w -> !STOP.contains(w))
                .map(w -> byWord.getOrDefault(w, List.of()))
                .filter(p -> !p.isEmpty() && p.size() <= COMMON_WORD)
                .sorted(Comparator.comparingInt(List::size))
                .limit(BLOCKING_WORDS)
                .forEach(candidates::addAll);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Set<String> surnames = surnames(authors);
        String name = titleName(title);
        Match best = null;
        for (int i : candidates) {
            if (!current(i) || excluded.contains(idOf(i))) {
                continue;
            }
            Entry e = entries.get(i);
            if (year != null
                    && e.candidate().year() > 0
                    && (e.candidate().year() < year - 2 || e.candidate().year() > year + 1)) {
                continue;
            }
            int common = common(surnames, e.surnames());
            double authorShare = surnames.isEmpty() || e.surnames().isEmpty()
                    ? 0
                    : (double) common / Math.min(surnames.size(), e.surnames().size());
            boolean exact = e.titleKey().equals(key);
            double titleSim = exact ? 1.0 : jaccard(words, e.words());
            boolean same;
            if (exact) {
                same = authorShare >= EXACT_TITLE_AUTHORS
                        || surnames.isEmpty()
                        || e.surnames().isEmpty();
            } else if (titleSim >= NEAR_TITLE) {
                same = authorShare >= NEAR_TITLE_AUTHORS;
            } else if (titleSim >= LOOSE_TITLE) {
                same = authorShare >= LOOSE_TITLE_AUTHORS && common >= LOOSE_MIN_COMMON;
            } else {
                // a renamed paper: its name and nearly all of its (three or more) authors stay
                same = !name.isEmpty()
                        && name.equals(e.titleName())
                        && authorShare >= LOOSE_TITLE_AUTHORS
                        && common >= RENAMED_MIN_COMMON;
            }
            if (same) {
                double score = titleSim + authorShare;
                if (best == null || score > best.score()) {
                    best = new Match(e.candidate().id(), "title", score);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private boolean current(int index) {
        Integer now = byId.get(idOf(index));
        return now != null && now == index;
    }

    private String idOf(int index) {
        return entries.get(index).candidate().id().id();
    }

    /**
     * Lower case, accents and punctuation dropped, words separated by one space. By hand rather than with regular
     * expressions: it runs on every title and author name of every harvested record; only text beyond ASCII goes
     * through Unicode decomposition (NFKD) to lose its accents.
     */
    public static String titleKey(String title) {
        String t = title;
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) >= 128) {
                t = MARKS.matcher(Normalizer.normalize(t, Normalizer.Form.NFKD)).replaceAll("");
                break;
            }
        }
        StringBuilder out = new StringBuilder(t.length());
        boolean space = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (space && out.length() > 0) {
                    out.append(' ');
                }
                space = false;
                out.append(Character.toLowerCase(c));
            } else {
                space = true;
            }
        }
        return out.toString();
    }

    static Set<String> words(String title) {
        String key = titleKey(title);
        return key.isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(key.split(" ")));
    }

    /** Family names, normalised: the last word of "First Last", the part before the comma of "Last, F.". */
    static Set<String> surnames(List<String> authors) {
        Set<String> result = new HashSet<>();
        for (String a : authors) {
            String s = titleKey(RecordAuthor.named(a).surname());
            if (!s.isEmpty()) {
                result.add(s.replace(" ", ""));
            }
        }
        return result;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String w : a) {
            if (b.contains(w)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }

    private static int common(Set<String> a, Set<String> b) {
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int common = 0;
        for (String s : small) {
            if (large.contains(s)) {
                common++;
            }
        }
        return common;
    }

    /**
     * The name a title gives its work: the part before a colon ("RoboAlign" of "RoboAlign: Reinforcement ..."), or
     * the first three words; empty when that is only common words.
     */
    static String titleName(String title) {
        int colon = title.indexOf(':');
        String head = colon > 0 && colon < 60 ? titleKey(title.substring(0, colon)) : "";
        if (head.isEmpty()) {
            String[] w = titleKey(title).split(" ");
            if (w.length < 4) {
                return "";
            }
            head = w[0] + " " + w[1] + " " + w[2];
        }
        for (String w : head.split(" ")) {
            if (!STOP.contains(w) && w.length() >= 4) {
                return head;
            }
        }
        return "";
    }

    /** The year of an arXiv paper: its first submission, else the yymm of a new-style id. */
    static int yearOf(Paper p) {
        if (p.publishedAt() != null) {
            return p.publishedAt().atZone(java.time.ZoneOffset.UTC).getYear();
        }
        String id = p.id().id();
        if (id.length() > 4 && Character.isDigit(id.charAt(0)) && id.charAt(4) == '.') {
            return 2000 + Integer.parseInt(id.substring(0, 2));
        }
        return 0;
    }
}
