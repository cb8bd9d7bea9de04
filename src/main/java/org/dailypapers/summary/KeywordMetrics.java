package org.dailypapers.summary;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keyword precision, recall and F1 at k against Hugging Face's keywords, macro-averaged over papers.
 *
 * <p>Exact match: after {@link Lemmas} (lower case, hyphens as spaces, Lucene's minimal English stemmer). A phrase
 * with a bracketed acronym, "Large Language Models (LLMs)", on either side matches by its whole, its expansion or its
 * acronym; each predicted phrase matches at most one of theirs and each of theirs at most one of ours. Partial
 * match: the F1 of the lemmatised content words of our top k against those of all of theirs.
 */
final class KeywordMetrics {

    private double precision5;
    private double recall5;
    private double f1at5;
    private double f1at10;
    private double partialF1at5;
    private int papers;

    void add(List<String> predicted, List<String> gold) {
        if (gold.isEmpty()) {
            return;
        }
        papers++;
        double[] at5 = exact(predicted, gold, 5);
        double[] at10 = exact(predicted, gold, 10);
        precision5 += at5[0];
        recall5 += at5[1];
        f1at5 += f1(at5[0], at5[1]);
        f1at10 += f1(at10[0], at10[1]);
        partialF1at5 += partial(predicted, gold, 5);
    }

    String line(String method) {
        return String.format(
                java.util.Locale.ROOT,
                "keywords %s P@5=%.4f R@5=%.4f F1@5=%.4f F1@10=%.4f partialF1@5=%.4f",
                method,
                precision5 / papers,
                recall5 / papers,
                f1at5 / papers,
                f1at10 / papers,
                partialF1at5 / papers);
    }

    double f1at5() {
        return f1at5 / papers;
    }

    int papers() {
        return papers;
    }

    /** Forms a phrase matches by: the whole, and for "expansion (ACRONYM)" each part. */
    static Set<String> forms(String phrase) {
        Set<String> forms = new HashSet<>();
        forms.add(Lemmas.key(phrase));
        String p = phrase.strip();
        int open = p.lastIndexOf('(');
        if (p.endsWith(")") && open > 0) {
            forms.add(Lemmas.key(p.substring(0, open)));
            forms.add(Lemmas.key(p.substring(open + 1, p.length() - 1)));
        }
        forms.remove("");
        return forms;
    }

    /** Precision and recall of the top k, one-to-one. */
    static double[] exact(List<String> predicted, List<String> gold, int k) {
        List<Set<String>> goldForms = new ArrayList<>();
        for (String g : gold) {
            goldForms.add(forms(g));
        }
        boolean[] taken = new boolean[gold.size()];
        int matched = 0;
        for (String p : predicted.subList(0, Math.min(k, predicted.size()))) {
            Set<String> pf = forms(p);
            for (int g = 0; g < gold.size(); g++) {
                if (!taken[g] && intersects(pf, goldForms.get(g))) {
                    taken[g] = true;
                    matched++;
                    break;
                }
            }
        }
        return new double[] {(double) matched / k, (double) matched / gold.size()};
    }

    static double partial(List<String> predicted, List<String> gold, int k) {
        Set<String> ours = contentWords(predicted.subList(0, Math.min(k, predicted.size())));
        Set<String> theirs = contentWords(gold);
        if (ours.isEmpty() || theirs.isEmpty()) {
            return 0;
        }
        Set<String> both = new HashSet<>(ours);
        both.retainAll(theirs);
        return f1((double) both.size() / ours.size(), (double) both.size() / theirs.size());
    }

    private static Set<String> contentWords(List<String> phrases) {
        Set<String> words = new HashSet<>();
        for (String p : phrases) {
            for (String w : Lemmas.words(p)) {
                if (!TextTokens.isStopWord(w)) {
                    words.add(w);
                }
            }
        }
        return words;
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        for (String x : a) {
            if (b.contains(x)) {
                return true;
            }
        }
        return false;
    }

    static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
