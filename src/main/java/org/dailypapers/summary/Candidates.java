package org.dailypapers.summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Candidate key phrases of a paper: runs of one to four words that no punctuation or stop word interrupts (the
 * noun phrases of an abstract, without a tagger), and acronyms with the expansion they were defined by
 * ("Large Language Models (LLMs)"), which may be longer and hold function words.
 */
final class Candidates {

    static final int MAX_WORDS = 4;

    /** Expansions longer than this are not believed. */
    private static final int MAX_EXPANSION_WORDS = 8;

    /**
     * One candidate phrase.
     *
     * @param text as shown: the first form seen, with its acronym in brackets where one was defined
     * @param key lower-cased, lemmatised words; equal keys are one candidate
     * @param embeddingText what the embedder compares with the paper
     * @param count occurrences in title and abstract (an acronym's own occurrences count for its expansion)
     * @param firstPosition where it first occurs, 0 (start of the title) to 1 (end of the abstract)
     * @param inTitle whether the title holds it
     * @param words its length in words
     * @param acronym whether it is an acronym's expansion
     */
    record Candidate(
            String text,
            String key,
            String embeddingText,
            int count,
            double firstPosition,
            boolean inTitle,
            int words,
            boolean acronym) {}

    private Candidates() {}

    /** Words too general to be a key phrase alone (inside a phrase they are fine: "reasoning model"). */
    private static final java.util.Set<String> GENERIC = java.util.Set.copyOf(List.of(
            "model",
            "models",
            "learning",
            "performance",
            "data",
            "framework",
            "frameworks",
            "training",
            "image",
            "images",
            "text",
            "video",
            "videos",
            "language",
            "reasoning",
            "generation",
            "benchmark",
            "benchmarks",
            "dataset",
            "datasets",
            "system",
            "systems",
            "quality",
            "information",
            "accuracy",
            "analysis",
            "problem",
            "problems",
            "challenge",
            "challenges",
            "results",
            "result",
            "evaluation",
            "tasks",
            "task",
            "ability",
            "abilities",
            "capabilities",
            "capability",
            "inference",
            "scale",
            "scaling",
            "baseline",
            "baselines",
            "modeling",
            "technique",
            "techniques",
            "strategy",
            "strategies",
            "process",
            "processes",
            "solution",
            "solutions",
            "domain",
            "domains",
            "settings",
            "setting",
            "tokens",
            "token",
            "paradigm",
            "pipeline",
            "module",
            "modules",
            "limitations",
            "limitation",
            "issue",
            "issues",
            "need",
            "gap",
            "way",
            "ways",
            "number",
            "range",
            "set",
            "variety",
            "series",
            "field",
            "level",
            "levels",
            "time",
            "cost",
            "costs",
            "efficiency",
            "robustness",
            "generalization",
            "understanding",
            "report",
            "technical",
            "research",
            "studies",
            "insights",
            "insight",
            "contrast",
            "addition",
            "order",
            "terms",
            "term",
            "case",
            "cases",
            "example",
            "examples",
            "aspects",
            "aspect",
            "factors",
            "factor",
            "detail",
            "details",
            "users",
            "user",
            "humans",
            "human",
            "world",
            "real-world",
            "real",
            "general",
            "overall",
            "future",
            "code",
            "comprehensive",
            "complex",
            "long",
            "short",
            "multiple",
            "single",
            "diverse",
            "adaptive",
            "multimodal",
            "visual",
            "semantic",
            "robust",
            "open-source",
            "end-to-end",
            "fine-grained",
            "high-quality",
            "lightweight",
            "unified",
            "generalized",
            "parallel",
            "notes",
            "note",
            "focus",
            "mode",
            "modes",
            "format",
            "formats",
            "response",
            "responses",
            "agents",
            "agent",
            "vision",
            "editing",
            "rendering"));

    /** Verbs that pass the stop words but never begin or end a noun phrase. */
    private static final java.util.Set<String> VERBS = java.util.Set.copyOf(List.of(
            "brings",
            "bring",
            "involves",
            "involve",
            "taking",
            "takes",
            "tend",
            "tends",
            "serves",
            "serve",
            "consists",
            "consist",
            "supports",
            "support",
            "reduces",
            "reduce",
            "reducing",
            "maintaining",
            "maintains",
            "achieving",
            "relies",
            "rely",
            "lack",
            "lacks",
            "contradicts",
            "adjust",
            "adjusts",
            "generate",
            "generates",
            "generating",
            "evaluate",
            "evaluates",
            "evaluating",
            "train",
            "trains",
            "learn",
            "learns",
            "capture",
            "captures",
            "produce",
            "produces",
            "exhibit",
            "exhibits",
            "struggle",
            "struggles",
            "combine",
            "combines",
            "integrate",
            "integrates",
            "incorporate",
            "incorporates",
            "incorporating",
            "employ",
            "employs",
            "employing",
            "utilize",
            "utilizes",
            "utilizing",
            "surpass",
            "surpasses",
            "surpassing",
            "reach",
            "reaches",
            "reaching",
            "offers",
            "offer",
            "ensure",
            "ensures",
            "ensuring",
            "mitigate",
            "mitigates",
            "mitigating",
            "enhance",
            "enhances",
            "enhancing",
            "boost",
            "boosts",
            "boosting",
            "facilitate",
            "facilitates",
            "fails",
            "fail",
            "aims",
            "aim",
            "seeks",
            "allowing",
            "releases",
            "contains",
            "contain",
            "containing",
            "named",
            "termed",
            "dubbed",
            "known",
            "reveal",
            "reveals",
            "revealing",
            "highlight",
            "highlights",
            "highlighting",
            "identify",
            "identifies",
            "examine",
            "examines",
            "analyze",
            "analyzes",
            "investigates",
            "explored",
            "observe",
            "observes",
            "scales",
            "extend",
            "extends",
            "establishes",
            "builds",
            "constructs",
            "collect",
            "conducts",
            "operate",
            "operates",
            "predict",
            "predicts",
            "solve",
            "solves",
            "solving",
            "handle",
            "handles",
            "aligns",
            "rethinking",
            "rethink",
            "involving",
            "toward",
            "towards"));

    static List<Candidate> of(String title, String abstractText) {
        String t = title.replaceAll("\\s+", " ").strip();
        String text = t.isEmpty() ? abstractText : t + ". " + abstractText;
        text = text.replaceAll("\\s+", " ");
        int titleEnd = t.length();
        List<TextTokens.Word> words = TextTokens.words(text);
        int n = words.size();
        if (n == 0) {
            return List.of();
        }
        // breaks[i]: something other than space lies between word i and word i + 1
        boolean[] breakAfter = new boolean[n];
        for (int i = 0; i + 1 < n; i++) {
            String gap = text.substring(words.get(i).end(), words.get(i + 1).start());
            breakAfter[i] = !gap.isBlank();
        }
        breakAfter[n - 1] = true;

        Map<String, Builder> found = new LinkedHashMap<>();
        Map<String, String> acronymKeys = acronyms(text, words, found, titleEnd, n);

        for (int i = 0; i < n; i++) {
            for (int len = 1; len <= MAX_WORDS && i + len <= n; len++) {
                if (len > 1 && breakAfter[i + len - 2]) {
                    break;
                }
                TextTokens.Word first = words.get(i);
                TextTokens.Word last = words.get(i + len - 1);
                if (!usable(words, i, len)) {
                    continue;
                }
                String surface = text.substring(first.start(), last.end());
                String key = Lemmas.key(surface);
                String expanded = len == 1 ? acronymKeys.get(first.text()) : null;
                if (expanded != null) {
                    key = expanded; // the acronym alone counts for its expansion
                }
                double position = (double) i / n;
                boolean inTitle = first.start() < titleEnd;
                Builder b = found.get(key);
                if (b == null) {
                    b = new Builder(surface, key, surface, position, len, false);
                    found.put(key, b);
                }
                b.count++;
                b.inTitle |= inTitle;
            }
        }
        List<Candidate> out = new ArrayList<>(found.size());
        for (Builder b : found.values()) {
            out.add(b.build());
        }
        return out;
    }

    /** No stop word at either end or inside, no bare number at either end, not one letter. */
    private static boolean usable(List<TextTokens.Word> words, int from, int len) {
        for (int k = from; k < from + len; k++) {
            String w = words.get(k).lower();
            if (TextTokens.isStopWord(w)) {
                return false;
            }
        }
        String first = words.get(from).text();
        String last = words.get(from + len - 1).text();
        if (isNumber(first) || isNumber(last)) {
            return false;
        }
        if (len == 1 && GENERIC.contains(first.toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (isAdverb(last) || isAdverb(first)) {
            return false;
        }
        if (VERBS.contains(last.toLowerCase(Locale.ROOT)) || VERBS.contains(first.toLowerCase(Locale.ROOT))) {
            return false;
        }
        return !(len == 1 && first.length() < 2);
    }

    /** "increasingly", "largely", "efficiently": adverbs, which begin or end no noun phrase. */
    private static boolean isAdverb(String w) {
        String l = w.toLowerCase(Locale.ROOT);
        return l.length() > 4
                && (l.endsWith("ingly")
                        || l.endsWith("ally")
                        || l.endsWith("ively")
                        || l.endsWith("ously")
                        || l.endsWith("tly")
                        || l.endsWith("rly")
                        || l.endsWith("gely"));
    }

    private static boolean isNumber(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (!(Character.isDigit(c) || c == '.' || c == ',' || c == '%' || c == 'x' || c == '-' || c == '+')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Finds "expansion (ACRONYM)" definitions (Schwartz and Hearst's rule: the acronym's letters appear in order in
     * the words before the bracket, its first letter starting the first word) and adds each as a candidate. Returns
     * the key of each acronym's expansion.
     */
    private static Map<String, String> acronyms(
            String text, List<TextTokens.Word> words, Map<String, Builder> found, int titleEnd, int n) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (int i = 1; i < n; i++) {
            TextTokens.Word w = words.get(i);
            if (!isAcronym(w.text()) || w.start() == 0 || text.charAt(w.start() - 1) != '(') {
                continue;
            }
            if (w.end() >= text.length() || text.charAt(w.end()) != ')') {
                continue;
            }
            String letters = acronymLetters(w.text());
            int maxWords = Math.min(MAX_EXPANSION_WORDS, letters.length() + 4);
            for (int len = 1; len <= maxWords && i - len >= 0; len++) {
                int from = i - len;
                if (from + 1 < i
                        && !text.substring(
                                        words.get(from).end(),
                                        words.get(from + 1).start())
                                .isBlank()
                        && !text.substring(
                                        words.get(from).end(),
                                        words.get(from + 1).start())
                                .equals("-")) {
                    break;
                }
                String expansion =
                        text.substring(words.get(from).start(), words.get(i - 1).end());
                if (matchesLetters(letters, expansion)) {
                    String key = Lemmas.key(expansion);
                    keys.putIfAbsent(w.text(), key);
                    if (!found.containsKey(key)) {
                        found.put(
                                key,
                                new Builder(
                                        expansion + " (" + w.text() + ")",
                                        key,
                                        expansion,
                                        (double) from / n,
                                        len,
                                        true));
                    } else {
                        Builder b = found.get(key);
                        if (!b.acronym) {
                            b.text = expansion + " (" + w.text() + ")";
                            b.acronym = true;
                        }
                    }
                    found.get(key).inTitle |= words.get(from).start() < titleEnd;
                    break;
                }
            }
        }
        return keys;
    }

    /**
     * A name-like phrase: a word with a capital or digit after its first letter ("DiagNote", "Qwen2.5-VL",
     * "Ada-GRPO"), as methods, models and data sets are named.
     */
    static boolean isName(String phrase) {
        for (String w : phrase.split(" ")) {
            for (int i = 1; i < w.length(); i++) {
                char c = w.charAt(i);
                if (Character.isUpperCase(c) || (Character.isDigit(c) && Character.isLetter(w.charAt(0)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Two or more capitals, no spaces: "LLMs", "RLVR", "CoT", "GPT-4o", "VQ-VAE". */
    static boolean isAcronym(String w) {
        int upper = 0;
        for (int i = 0; i < w.length(); i++) {
            if (Character.isUpperCase(w.charAt(i))) {
                upper++;
            }
        }
        return upper >= 2 && w.length() <= 12 && Character.isLetter(w.charAt(0));
    }

    /** The letters to find in the expansion: upper-case letters and digits ("LLMs" gives "llm"). */
    private static String acronymLetters(String acronym) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < acronym.length(); i++) {
            char c = acronym.charAt(i);
            if (Character.isUpperCase(c) || Character.isDigit(c)) {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    /** Schwartz-Hearst: match the letters right to left, the first letter at the start of a word. */
    private static boolean matchesLetters(String letters, String expansion) {
        String e = expansion.toLowerCase(Locale.ROOT);
        int l = letters.length() - 1;
        int k = e.length() - 1;
        while (l >= 0) {
            char c = letters.charAt(l);
            while (k >= 0 && (e.charAt(k) != c || (l == 0 && k > 0 && Character.isLetterOrDigit(e.charAt(k - 1))))) {
                k--;
            }
            if (k < 0) {
                return false;
            }
            l--;
            k--;
        }
        // the expansion must not start before what the first letter matched: its first word holds that letter
        int firstSpace = e.indexOf(' ');
        return firstSpace < 0 || k + 1 < firstSpace;
    }

    private static final class Builder {
        String text;
        final String key;
        final String embeddingText;
        final double firstPosition;
        final int words;
        boolean acronym;
        int count;
        boolean inTitle;

        Builder(String text, String key, String embeddingText, double firstPosition, int words, boolean acronym) {
            this.text = text;
            this.key = key;
            this.embeddingText = embeddingText;
            this.firstPosition = firstPosition;
            this.words = words;
            this.acronym = acronym;
        }

        Candidate build() {
            return new Candidate(text, key, embeddingText, Math.max(1, count), firstPosition, inTitle, words, acronym);
        }
    }
}
