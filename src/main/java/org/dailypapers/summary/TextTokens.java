package org.dailypapers.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Words, sentences and stop words of English paper text, shared by extraction, baselines and evaluation. */
final class TextTokens {

    private TextTokens() {}

    /** A word: letters and digits, joined by hyphens, plus signs, slashes or a decimal point ("Qwen2.5-VL-7B"). */
    private static final Pattern WORD =
            Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}+_'’]|[-/](?=[\\p{L}\\p{N}])|\\.(?=\\p{N}))*");

    /** A word at its place in the text. */
    record Word(String text, int start, int end) {
        String lower() {
            return text.toLowerCase(Locale.ROOT);
        }
    }

    static List<Word> words(String text) {
        List<Word> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(new Word(m.group(), m.start(), m.end()));
        }
        return out;
    }

    /** Lower-cased words only: what ROUGE and the matching compare. */
    static List<String> lowerWords(String text) {
        List<String> out = new ArrayList<>();
        for (Word w : words(text)) {
            out.add(w.lower());
        }
        return out;
    }

    /** Abbreviations after which a period ends no sentence. */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "e.g", "i.e", "et al", "al", "vs", "fig", "figs", "eq", "eqs", "sec", "cf", "etc", "approx", "resp", "no",
            "ref", "refs", "tab", "dr", "mr", "ms", "prof", "inc", "ltd", "st", "viz");

    /** Splits text into sentences at . ! ? followed by space and an upper-case letter, digit or bracket. */
    static List<String> sentences(String text) {
        String t = text.replaceAll("\\s+", " ").strip();
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && i + 2 < t.length() && t.charAt(i + 1) == ' ') {
                char next = t.charAt(i + 2);
                if (!(Character.isUpperCase(next) || Character.isDigit(next) || next == '(' || next == '[')) {
                    continue;
                }
                if (c == '.' && endsWithAbbreviation(t, start, i)) {
                    continue;
                }
                add(out, t.substring(start, i + 1));
                start = i + 2;
            }
        }
        add(out, t.substring(Math.min(start, t.length())));
        return out;
    }

    private static void add(List<String> out, String sentence) {
        String s = sentence.strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
    }

    private static boolean endsWithAbbreviation(String t, int from, int dot) {
        int k = dot;
        while (k > from && (Character.isLetter(t.charAt(k - 1)) || t.charAt(k - 1) == '.')) {
            k--;
        }
        String word = t.substring(k, dot).toLowerCase(Locale.ROOT);
        if (word.length() == 1 && Character.isLetter(word.charAt(0)) && Character.isUpperCase(t.charAt(k))) {
            return true; // an initial: "J. Smith"
        }
        return ABBREVIATIONS.contains(word) || (dot >= 6 && t.startsWith("et al", dot - 5));
    }

    /** Function words, and the verbs, adverbs and adjectives of abstracts that begin or end no key phrase. */
    static final Set<String> STOP_WORDS = Set.copyOf(java.util.List.of(
            "a",
            "about",
            "above",
            "across",
            "after",
            "again",
            "against",
            "all",
            "almost",
            "along",
            "also",
            "although",
            "always",
            "am",
            "among",
            "amongst",
            "an",
            "and",
            "another",
            "any",
            "are",
            "around",
            "as",
            "at",
            "be",
            "because",
            "been",
            "before",
            "being",
            "below",
            "between",
            "beyond",
            "both",
            "but",
            "by",
            "can",
            "cannot",
            "could",
            "despite",
            "did",
            "do",
            "does",
            "doing",
            "done",
            "down",
            "due",
            "during",
            "each",
            "either",
            "else",
            "enough",
            "especially",
            "even",
            "ever",
            "every",
            "far",
            "few",
            "for",
            "from",
            "further",
            "furthermore",
            "had",
            "has",
            "have",
            "having",
            "he",
            "her",
            "here",
            "hers",
            "herein",
            "him",
            "his",
            "how",
            "however",
            "i",
            "if",
            "in",
            "into",
            "is",
            "it",
            "its",
            "itself",
            "just",
            "less",
            "like",
            "many",
            "may",
            "me",
            "might",
            "more",
            "moreover",
            "most",
            "much",
            "must",
            "my",
            "namely",
            "neither",
            "never",
            "nevertheless",
            "no",
            "nor",
            "not",
            "notably",
            "now",
            "of",
            "off",
            "often",
            "on",
            "once",
            "one",
            "only",
            "onto",
            "or",
            "other",
            "others",
            "otherwise",
            "our",
            "ours",
            "ourselves",
            "out",
            "over",
            "own",
            "per",
            "rather",
            "same",
            "several",
            "shall",
            "she",
            "should",
            "since",
            "so",
            "some",
            "such",
            "than",
            "that",
            "the",
            "their",
            "theirs",
            "them",
            "themselves",
            "then",
            "there",
            "thereby",
            "therefore",
            "these",
            "they",
            "this",
            "those",
            "though",
            "through",
            "throughout",
            "thus",
            "to",
            "together",
            "too",
            "toward",
            "towards",
            "under",
            "unlike",
            "until",
            "up",
            "upon",
            "us",
            "very",
            "via",
            "was",
            "we",
            "well",
            "were",
            "what",
            "whatever",
            "when",
            "where",
            "whereas",
            "whether",
            "which",
            "while",
            "who",
            "whom",
            "whose",
            "why",
            "will",
            "with",
            "within",
            "without",
            "would",
            "yet",
            "you",
            "your",
            "yours",
            // verbs, adverbs and adjectives of abstracts
            "achieve",
            "achieves",
            "achieved",
            "achieving",
            "address",
            "addresses",
            "allow",
            "allows",
            "allowing",
            "apply",
            "applied",
            "applying",
            "based",
            "become",
            "becomes",
            "better",
            "called",
            "compare",
            "compared",
            "consider",
            "considered",
            "demonstrate",
            "demonstrates",
            "demonstrated",
            "demonstrating",
            "describe",
            "design",
            "designed",
            "develop",
            "developed",
            "different",
            "effectively",
            "enable",
            "enables",
            "enabling",
            "existing",
            "explore",
            "explores",
            "find",
            "finds",
            "first",
            "focus",
            "focuses",
            "found",
            "given",
            "introduce",
            "introduces",
            "introduced",
            "introducing",
            "key",
            "large-scale",
            "lead",
            "leads",
            "leverage",
            "leverages",
            "leveraging",
            "make",
            "makes",
            "making",
            "new",
            "novel",
            "obtain",
            "obtained",
            "outperform",
            "outperforms",
            "outperforming",
            "perform",
            "performs",
            "present",
            "presents",
            "presented",
            "propose",
            "proposes",
            "proposed",
            "provide",
            "provides",
            "providing",
            "recent",
            "recently",
            "remain",
            "remains",
            "require",
            "requires",
            "requiring",
            "results",
            "second",
            "show",
            "shows",
            "showed",
            "shown",
            "significant",
            "significantly",
            "specifically",
            "state-of-the-art",
            "strong",
            "study",
            "substantially",
            "suggest",
            "take",
            "third",
            "three",
            "two",
            "use",
            "used",
            "uses",
            "using",
            "various",
            "whereby",
            "work",
            "works",
            "yield",
            "yields",
            "able",
            "approach",
            "approaches",
            "method",
            "methods",
            "paper",
            "task",
            "tasks",
            "furthermore",
            "additionally",
            "finally",
            "specific",
            "particular",
            "importantly",
            "improve",
            "improves",
            "improved",
            "improving",
            "including",
            "includes",
            "include",
            "extensive",
            "experiments",
            "experiment",
            "experimental",
            "simple",
            "effective",
            "efficient",
            "recent",
            "current",
            "prior",
            "previous",
            "often",
            "typically",
            "still",
            "good",
            "best",
            "across",
            "available",
            "publicly",
            "code",
            "https",
            "http",
            "github",
            "com",
            "www",
            "respectively",
            "e.g",
            "i.e",
            "et",
            "al",
            "vs",
            "etc",
            "even",
            "less",
            "within"));

    static boolean isStopWord(String lower) {
        return STOP_WORDS.contains(lower);
    }
}
