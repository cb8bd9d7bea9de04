package org.dailypapers.summary;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ROUGE-1, ROUGE-2 and ROUGE-L F1 (Lin, 2004) over lower-cased words, without stemming or stop-word removal, as
 * Google's {@code rouge-score} computes them by default; macro-averaged over papers.
 */
final class Rouge {

    private double rouge1;
    private double rouge2;
    private double rougeL;
    private int papers;

    void add(String candidate, String reference) {
        List<String> c = TextTokens.lowerWords(candidate);
        List<String> r = TextTokens.lowerWords(reference);
        papers++;
        rouge1 += ngramF1(c, r, 1);
        rouge2 += ngramF1(c, r, 2);
        rougeL += lcsF1(c, r);
    }

    String line(String method) {
        return String.format(
                java.util.Locale.ROOT,
                "summary %s ROUGE-1=%.4f ROUGE-2=%.4f ROUGE-L=%.4f",
                method,
                rouge1 / papers,
                rouge2 / papers,
                rougeL / papers);
    }

    double rouge1() {
        return rouge1 / papers;
    }

    static double ngramF1(List<String> c, List<String> r, int n) {
        Map<String, Integer> cn = ngrams(c, n);
        Map<String, Integer> rn = ngrams(r, n);
        int cTotal = Math.max(0, c.size() - n + 1);
        int rTotal = Math.max(0, r.size() - n + 1);
        if (cTotal == 0 || rTotal == 0) {
            return 0;
        }
        int overlap = 0;
        for (Map.Entry<String, Integer> e : cn.entrySet()) {
            overlap += Math.min(e.getValue(), rn.getOrDefault(e.getKey(), 0));
        }
        return KeywordMetrics.f1((double) overlap / cTotal, (double) overlap / rTotal);
    }

    private static Map<String, Integer> ngrams(List<String> words, int n) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i + n <= words.size(); i++) {
            out.merge(String.join(" ", words.subList(i, i + n)), 1, Integer::sum);
        }
        return out;
    }

    static double lcsF1(List<String> c, List<String> r) {
        if (c.isEmpty() || r.isEmpty()) {
            return 0;
        }
        int[] prev = new int[r.size() + 1];
        int[] cur = new int[r.size() + 1];
        for (String cw : c) {
            for (int j = 1; j <= r.size(); j++) {
                cur[j] = cw.equals(r.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        int lcs = prev[r.size()];
        return KeywordMetrics.f1((double) lcs / c.size(), (double) lcs / r.size());
    }
}
