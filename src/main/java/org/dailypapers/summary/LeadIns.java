package org.dailypapers.summary;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The openings of abstract sentences that a one-sentence summary does without: "In this paper, we propose X"
 * becomes "X"; "This work introduces X" becomes "X".
 */
final class LeadIns {

    private LeadIns() {}

    private static final String DOCUMENT = "(?:paper|work|study|article|report|technical report|letter|note|survey|"
            + "thesis|manuscript|position paper|research|project)";

    private static final String REPORTING = "(?:propose|present|introduce|develop|design|describe|investigate|"
            + "explore|examine|report|release|build|construct|contribute|offer|put forward|study|address|tackle|"
            + "establish|devise|formulate|provide|unveil|curate|create|open-source|show|find|demonstrate|observe|"
            + "argue|discover|reveal|focus on|consider)";

    private static final Pattern OPENING = Pattern.compile(
            "^(?:(?:in|within|with|through) (?:this|the present|our|the current) " + DOCUMENT + "|here(?:in)?|"
                    + "to (?:this end|that end|do so|address[^,]{0,80}|bridge[^,]{0,80}|tackle[^,]{0,80}|"
                    + "overcome[^,]{0,80}|fill[^,]{0,80}|solve[^,]{0,80}|mitigate[^,]{0,80}|remedy[^,]{0,80}|"
                    + "alleviate[^,]{0,80}|resolve[^,]{0,80})|"
                    + "in (?:response|contrast|particular|addition)|motivated by[^,]{0,80}|inspired by[^,]{0,80}|"
                    + "specifically|concretely|finally|first|moreover|furthermore|additionally|overall|"
                    + "in summary|to summarize|in short|in this context|as a result)\\s*,?\\s*",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern SUBJECT = Pattern.compile(
            "^(?:we|this " + DOCUMENT + "|the present " + DOCUMENT + "|our " + DOCUMENT
                    + ")\\s+(?:first\\s+|further\\s+|"
                    + "also\\s+|then\\s+|here\\s+|therefore\\s+|thus\\s+)?"
                    + REPORTING + "(?:s|es|d|ed)?\\s+(?:that\\s+|how\\s+)?",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern OBJECT_PRONOUN =
            Pattern.compile("(?:this|that|it|these|those|them|whether|if|why)\\b", Pattern.CASE_INSENSITIVE);

    /** The sentence without its lead-in, starting with a capital. */
    static String trim(String sentence) {
        String s = sentence.strip();
        Matcher m = OPENING.matcher(s);
        String rest = m.lookingAt() ? s.substring(m.end()) : s;
        Matcher subject = SUBJECT.matcher(rest);
        if (subject.lookingAt()
                && !OBJECT_PRONOUN.matcher(rest.substring(subject.end())).lookingAt()) {
            // "We study this by ..." keeps its subject: "this by ..." is no sentence
            rest = rest.substring(subject.end());
        }
        rest = rest.strip();
        if (rest.length() < 12) {
            return s;
        }
        return Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
    }

    /** Whether the sentence says what the paper does ("we propose", "this paper introduces"). */
    static boolean statesContribution(String sentence) {
        String s = sentence.strip();
        Matcher m = OPENING.matcher(s);
        String rest = m.lookingAt() ? s.substring(m.end()) : s;
        if (SUBJECT.matcher(rest).lookingAt()) {
            return true;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        return lower.contains("we propose")
                || lower.contains("we introduce")
                || lower.contains("we present")
                || lower.contains("this paper introduces")
                || lower.contains("this paper presents")
                || lower.contains("this paper proposes");
    }
}
