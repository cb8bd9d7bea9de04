package org.dailypapers.summary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dailypapers.search.TextEmbeddings;
import org.jspecify.annotations.Nullable;

/**
 * Keywords and a summary for papers whose vector is known, KeyBERT-style: candidate phrases and abstract sentences
 * are embedded (a batch of papers at a time, in one call, so the embedder's workers stay busy) and compared with the
 * paper's own vector. Keywords are chosen by maximal marginal relevance, so that near-duplicates ("language model",
 * "large language models") do not fill the list; the summary is the sentence that best represents the paper, with
 * a prior for the sentences that state the contribution.
 *
 * <p>Only the best candidates by a cheap prior (frequency, title, position, acronym) are embedded: the embedder is
 * the cost, about a millisecond per short phrase on one core. Phrase vectors are kept in a bounded cache, because
 * the phrases of one field ("large language models") recur across papers.
 */
final class Extractor {

    /** What to compute for one paper. */
    record Input(String id, String title, String abstractText, float[] paperVector) {}

    /** What came out; the summary is null for an empty abstract. */
    record Output(String id, List<String> keywords, @Nullable String summary) {}

    /**
     * The knobs, tuned on the Hugging Face papers (see {@link SummaryEvaluation}).
     *
     * @param embeddedCandidates candidates per paper that are embedded (the best by prior)
     * @param priorWeight weight of the prior against the cosine
     * @param mmrLambda relevance against novelty in maximal marginal relevance
     * @param maxKeywords keywords kept per paper
     * @param maxSentences abstract sentences considered for the summary (from the start)
     * @param positionWeight how much earlier sentences are preferred
     * @param contributionBonus added for a sentence that states the contribution ("we propose")
     * @param embedSentences whether sentences are embedded themselves (best, and most of the cost), or represented by
     *     the mean vector of the embedded candidate phrases they hold
     */
    record Settings(
            int embeddedCandidates,
            double priorWeight,
            double mmrLambda,
            int maxKeywords,
            int maxSentences,
            double positionWeight,
            double contributionBonus,
            boolean embedSentences) {

        /**
         * Tuned on the first 1,150 papers of the Hugging Face set (eval --summaries --tune): 15 embedded candidates
         * keep F1@5 of 20 (0.2363 against 0.2361); sentences represented by their phrases cost 0.006 ROUGE-1 against
         * embedding them (0.3590 against 0.3649) and save most of the embedder's work.
         */
        static final Settings DEFAULT = new Settings(15, 0.15, 0.5, 10, 8, 0.05, 0.15, false);
    }

    static final int MIN_KEYWORDS = 5;

    private final TextEmbeddings embeddings;
    private final Settings settings;
    private final Map<String, float[]> phraseCache;

    Extractor(TextEmbeddings embeddings, Settings settings, int cachedPhrases) {
        this.embeddings = embeddings;
        this.settings = settings;
        this.phraseCache = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > cachedPhrases;
            }
        };
    }

    private record Prepared(Input input, List<Candidates.Candidate> candidates, List<Sentence> sentences) {}

    /** One abstract sentence: as shown (lead-in trimmed), its place, and whether it states the contribution. */
    record Sentence(String text, int index, int of, boolean contribution) {}

    List<Output> extract(List<Input> inputs) {
        List<Prepared> prepared = new ArrayList<>(inputs.size());
        Set<String> phrasesToEmbed = new LinkedHashSet<>();
        Set<String> sentencesToEmbed = new LinkedHashSet<>();
        // This batch's phrase vectors, taken from the cache now: the cache may evict them while the batch runs.
        Map<String, float[]> phrases = new HashMap<>();
        synchronized (phraseCache) {
            for (Input in : inputs) {
                List<Candidates.Candidate> best = bestByPrior(Candidates.of(in.title(), in.abstractText()));
                List<Sentence> sentences = sentences(in.abstractText(), settings.maxSentences());
                prepared.add(new Prepared(in, best, sentences));
                for (Candidates.Candidate c : best) {
                    float[] known = phraseCache.get(c.embeddingText());
                    if (known != null) {
                        phrases.put(c.embeddingText(), known);
                    } else {
                        phrasesToEmbed.add(c.embeddingText());
                    }
                }
                if (sentences.size() > 1 && settings.embedSentences()) {
                    sentences.forEach(s -> sentencesToEmbed.add(s.text()));
                }
            }
        }
        List<String> texts = new ArrayList<>(phrasesToEmbed);
        texts.addAll(sentencesToEmbed);
        List<float[]> vectors = embeddings.embed(texts);
        Map<String, float[]> sentenceVectors = new HashMap<>();
        int k = 0;
        synchronized (phraseCache) {
            for (String p : phrasesToEmbed) {
                float[] v = vectors.get(k++);
                phraseCache.put(p, v);
                phrases.put(p, v);
            }
        }
        for (String s : sentencesToEmbed) {
            sentenceVectors.put(s, vectors.get(k++));
        }
        List<Output> out = new ArrayList<>(prepared.size());
        for (Prepared p : prepared) {
            out.add(new Output(p.input().id(), keywords(p, phrases), summary(p, sentenceVectors, phrases)));
        }
        return out;
    }

    /** The cheap prior: frequent, early, in the title, defined as an acronym, and not a lone common word. */
    static double prior(Candidates.Candidate c) {
        boolean name = Candidates.isName(c.text());
        double p = Math.log1p(c.count())
                + (c.inTitle() ? 0.7 : 0)
                + (c.acronym() ? 1.2 : 0)
                + (name ? 0.6 : 0)
                + 0.4 * (1 - c.firstPosition());
        if (c.words() == 1 && !c.acronym() && !name) {
            p -= 1.0; // a lone common word ("reasoning") is rarely a key phrase
        }
        if (c.words() >= 3 && c.count() == 1 && !c.acronym()) {
            p -= 0.3; // long runs seen once are often clause fragments
        }
        return p;
    }

    private List<Candidates.Candidate> bestByPrior(List<Candidates.Candidate> all) {
        return all.stream()
                .sorted(Comparator.comparingDouble(Extractor::prior).reversed())
                .limit(settings.embeddedCandidates())
                .toList();
    }

    private List<String> keywords(Prepared p, Map<String, float[]> phrases) {
        List<Candidates.Candidate> cands = p.candidates();
        int n = cands.size();
        float[][] vec = new float[n][];
        double[] relevance = new double[n];
        for (int i = 0; i < n; i++) {
            vec[i] = phrases.get(cands.get(i).embeddingText());
        }
        for (int i = 0; i < n; i++) {
            relevance[i] = dot(vec[i], p.input().paperVector()) + settings.priorWeight() * prior(cands.get(i));
        }
        List<Integer> chosen = new ArrayList<>();
        boolean[] used = new boolean[n];
        double lambda = settings.mmrLambda();
        while (chosen.size() < Math.min(settings.maxKeywords(), n)) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (used[i]) {
                    continue;
                }
                double redundancy = 0;
                for (int j : chosen) {
                    redundancy = Math.max(redundancy, dot(vec[i], vec[j]));
                }
                double score = lambda * relevance[i] - (1 - lambda) * redundancy;
                if (score > bestScore) {
                    bestScore = score;
                    best = i;
                }
            }
            used[best] = true;
            chosen.add(best);
        }
        List<String> out = new ArrayList<>(chosen.size());
        for (int i : chosen) {
            out.add(cands.get(i).text());
        }
        return out;
    }

    private @Nullable String summary(Prepared p, Map<String, float[]> sentenceVectors, Map<String, float[]> phrases) {
        List<Sentence> sentences = p.sentences();
        if (sentences.isEmpty()) {
            return null;
        }
        if (sentences.size() == 1) {
            return sentences.getFirst().text();
        }
        Sentence best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Sentence s : sentences) {
            float[] v =
                    settings.embedSentences() ? sentenceVectors.get(s.text()) : phraseMean(s, p.candidates(), phrases);
            double score = v == null ? -1 : score(s, v, p.input().paperVector());
            if (score > bestScore) {
                bestScore = score;
                best = s;
            }
        }
        return best.text();
    }

    /** The mean vector of the embedded candidates the sentence holds (null when it holds none). */
    private static float @Nullable [] phraseMean(
            Sentence s, List<Candidates.Candidate> candidates, Map<String, float[]> phrases) {
        String key = " " + Lemmas.key(s.text()) + " ";
        float[] sum = null;
        {
            for (Candidates.Candidate c : candidates) {
                if (key.contains(" " + c.key() + " ")) {
                    float[] v = phrases.get(c.embeddingText());
                    if (v == null) {
                        continue;
                    }
                    if (sum == null) {
                        sum = new float[v.length];
                    }
                    for (int i = 0; i < v.length; i++) {
                        sum[i] += v[i];
                    }
                }
            }
        }
        if (sum == null) {
            return null;
        }
        double norm = Math.sqrt(dot(sum, sum));
        for (int i = 0; i < sum.length; i++) {
            sum[i] = (float) (sum[i] / norm);
        }
        return sum;
    }

    private double score(Sentence s, float[] v, float[] paper) {
        int words = TextTokens.words(s.text()).size();
        double lengthPenalty = words < 8 ? 0.1 : (words > 50 ? 0.05 : 0);
        return dot(v, paper)
                + settings.positionWeight() * (1.0 - (double) s.index() / s.of())
                + (s.contribution() ? settings.contributionBonus() : 0)
                - lengthPenalty;
    }

    /** The abstract's first sentences, their lead-ins trimmed. */
    static List<Sentence> sentences(String abstractText, int max) {
        List<String> all = TextTokens.sentences(abstractText);
        List<Sentence> out = new ArrayList<>();
        for (int i = 0; i < all.size() && i < max; i++) {
            String raw = all.get(i);
            String trimmed = LeadIns.trim(raw);
            out.add(new Sentence(trimmed, i, all.size(), LeadIns.statesContribution(raw)));
        }
        return out;
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
