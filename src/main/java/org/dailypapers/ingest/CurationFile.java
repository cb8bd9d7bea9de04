package org.dailypapers.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads and validates the curation file (YAML). Every mistake is reported with the file and the place (line for
 * syntax, rule number and key for content), and a bad file is never half-applied: the caller keeps the old rules.
 *
 * <pre>
 * max-age-days: 7
 * rules:
 *   - name: language models
 *     categories: [cs.CL]
 *     keywords: ["large language model", "instruction tuning"]
 *   - name: our lab
 *     organizations: [DeepMind]
 *   - name: like what we upvote
 *     similar-to-upvoted: 20
 *   - name: ICLR orals
 *     venues: [iclr]
 *     decisions: [oral]
 * </pre>
 */
final class CurationFile {

    private static final List<String> TOP_KEYS = List.of("max-age-days", "rules");
    private static final List<String> RULE_KEYS = List.of(
            "name",
            "categories",
            "keywords",
            "authors",
            "organizations",
            "search",
            "similar-to-upvoted",
            "sources",
            "venues",
            "decisions");

    private CurationFile() {}

    static CurationRules parse(String source, String text) {
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(new SafeConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new IllegalArgumentException(source + ":" + line + ": " + e.getProblem());
        } catch (YAMLException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage());
        }
        if (root == null) {
            return CurationRules.NONE;
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw new IllegalArgumentException(source + ": expected a mapping with 'max-age-days' and 'rules'");
        }
        for (Object key : top.keySet()) {
            if (!TOP_KEYS.contains(String.valueOf(key))) {
                throw new IllegalArgumentException(
                        source + ": unknown key '" + key + "' (expected max-age-days, rules)");
            }
        }
        int maxAge = CurationRules.NONE.maxAgeDays();
        Object age = top.get("max-age-days");
        if (age != null) {
            if (!(age instanceof Integer n) || n < 0) {
                throw new IllegalArgumentException(
                        source + ": max-age-days: expected a whole number >= 0, found " + age);
            }
            maxAge = n;
        }
        List<CurationRule> rules = new ArrayList<>();
        Object list = top.get("rules");
        if (list != null) {
            if (!(list instanceof List<?> items)) {
                throw new IllegalArgumentException(source + ": rules: expected a list of rules");
            }
            for (int i = 0; i < items.size(); i++) {
                rules.add(rule(source + ": rules[" + (i + 1) + "]", items.get(i), i + 1));
            }
        }
        return new CurationRules(maxAge, rules);
    }

    private static CurationRule rule(String place, @Nullable Object item, int number) {
        if (!(item instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(place + ": expected a mapping of criteria");
        }
        for (Object key : map.keySet()) {
            if (!RULE_KEYS.contains(String.valueOf(key))) {
                throw new IllegalArgumentException(place + ": unknown key '" + key + "' (expected " + RULE_KEYS + ")");
            }
        }
        Object name = map.get("name");
        Object search = map.get("search");
        if (search != null && !(search instanceof String)) {
            throw new IllegalArgumentException(place + ": search: expected a query text");
        }
        Object similar = map.get("similar-to-upvoted");
        if (similar != null && !(similar instanceof Integer)) {
            throw new IllegalArgumentException(place + ": similar-to-upvoted: expected a number of papers");
        }
        try {
            return new CurationRule(
                    name == null ? "rule " + number : String.valueOf(name),
                    strings(place, map, "categories"),
                    strings(place, map, "keywords"),
                    strings(place, map, "authors"),
                    strings(place, map, "organizations"),
                    (String) search,
                    similar == null ? 0 : (Integer) similar,
                    strings(place, map, "sources"),
                    strings(place, map, "venues"),
                    strings(place, map, "decisions"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(place + ": " + e.getMessage());
        }
    }

    /** A list of texts, or one text standing for a list of one. */
    private static List<String> strings(String place, Map<?, ?> map, String key) {
        Object v = map.get(key);
        if (v == null) {
            return List.of();
        }
        List<?> raw = v instanceof List<?> l ? l : List.of(v);
        List<String> values = new ArrayList<>();
        for (Object o : raw) {
            if (o instanceof Map<?, ?> || o instanceof List<?> || o == null) {
                throw new IllegalArgumentException(place + ": " + key + ": expected texts, found " + o);
            }
            String s = String.valueOf(o).trim();
            if (!s.isEmpty()) {
                values.add(s);
            }
        }
        return values;
    }
}
