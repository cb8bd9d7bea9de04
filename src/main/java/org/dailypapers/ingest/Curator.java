package org.dailypapers.ingest;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.dailypapers.paper.Paper;
import org.jspecify.annotations.Nullable;

/**
 * Decides which harvested papers a rule set proposes. Pure and cheap: it runs on every harvested page. Criteria
 * that need the search index ({@link CurationRule#needsSearch()}) are answered later, by {@link Curation}, once the page
 * is in the catalog; here such a rule only checks its other criteria.
 */
final class Curator {

    private Curator() {}

    /** Why a paper was proposed: the first rule that matched and, for organisation rules, the organisation. */
    record Match(CurationRule rule, @Nullable String organization) {}

    static Optional<Match> match(CurationRules rules, OaiPmhParser.Harvested h, boolean includeSearchRules) {
        if (!fresh(rules, h)) {
            return Optional.empty();
        }
        for (CurationRule rule : rules.rules()) {
            if ((rule.needsSearch() && !includeSearchRules) || rule.needsRecords()) {
                continue;
            }
            Optional<Match> m = matchRule(rule, h);
            if (m.isPresent()) {
                return m;
            }
        }
        return Optional.empty();
    }

    /** A revision of an old paper changes its record date too; only new submissions belong on today's feed. */
    static boolean fresh(CurationRules rules, OaiPmhParser.Harvested h) {
        if (rules.maxAgeDays() == 0) {
            return true;
        }
        Instant published = h.paper().publishedAt();
        if (published == null) {
            return false;
        }
        Instant recordDay =
                h.datestamp().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return Duration.between(published, recordDay).compareTo(Duration.ofDays(rules.maxAgeDays() + 1L)) <= 0;
    }

    static Optional<Match> matchRule(CurationRule rule, OaiPmhParser.Harvested h) {
        Paper p = h.paper();
        if (!rule.categories().isEmpty() && !anyCategory(rule.categories(), p.categories())) {
            return Optional.empty();
        }
        if (!rule.keywords().isEmpty()) {
            String text = p.title() + "\n" + p.abstractText();
            if (rule.keywords().stream().noneMatch(k -> containsWords(text, k))) {
                return Optional.empty();
            }
        }
        if (!rule.authors().isEmpty()) {
            List<String> names = p.authors().stream().map(Curator::normalName).toList();
            if (rule.authors().stream().map(Curator::normalName).noneMatch(names::contains)) {
                return Optional.empty();
            }
        }
        String organization = null;
        if (!rule.organizations().isEmpty()) {
            List<String> places = new ArrayList<>(h.affiliations());
            if (p.comments() != null) {
                places.add(p.comments());
            }
            organization = rule.organizations().stream()
                    .filter(o -> places.stream().anyMatch(place -> containsWords(place, o)))
                    .findFirst()
                    .orElse(null);
            if (organization == null) {
                return Optional.empty();
            }
        }
        return Optional.of(new Match(rule, organization));
    }

    /** {@code cs} stands for every {@code cs.*} category; {@code cs.CL} for itself. */
    static boolean anyCategory(List<String> wanted, List<String> categories) {
        for (String w : wanted) {
            for (String c : categories) {
                if (c.equalsIgnoreCase(w) || c.toLowerCase(Locale.ROOT).startsWith(w.toLowerCase(Locale.ROOT) + ".")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whole words only ("rag" must not match "fragment"), a plural ending allowed ("neural network" finds "neural
     * networks"); spaces in the phrase match any white space or hyphen.
     */
    static boolean containsWords(String text, String phrase) {
        String[] words = phrase.trim().split("\\s+");
        StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                regex.append("[\\s-]+");
            }
            regex.append(Pattern.quote(words[i]));
        }
        regex.append("(?:e?s)?(?![\\p{L}\\p{N}])");
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(text)
                .find();
    }

    static String normalName(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }
}
