package org.dailypapers.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.dailypapers.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Free text always searches; the syntax applies where it is well-formed; expensive queries are bounded. */
class UserQueryParserTest {

    private final UserQueryParser parser = new UserQueryParser(Analyzers.perField());

    @Test
    void shouldSearchEveryRealTitleOfTheCorpusAsWords() throws IOException {
        List<String> refused = new ArrayList<>();
        int titles = 0;
        JsonMapper json = JsonMapper.builder().build();
        try (var in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(TestData.arxivDailyCs())), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode record = json.readTree(line);
                String title = record.path("title").asString("");
                if (title.isBlank()) {
                    continue;
                }
                titles++;
                UserQueryParser.Parsed parsed = parser.parse(title);
                if (parsed.error() != null || parsed.query() == null) {
                    refused.add(title + " -> " + parsed.error());
                }
            }
        }
        assertThat(titles).isEqualTo(74_728);
        assertThat(refused).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "CFG-Zero*: Improved Classifier-Free Guidance for Flow Matching Models",
                "Memex(RL): Scaling Long-Horizon LLM Agents via Indexed Experience Memory",
                "When Does Metadata Conditioning (NOT) Work for Language Model Pre-Training? A Study with"
                        + " Context-Free Grammars",
                "A$^\\text{T}$A: Adaptive Transformation Agent for Text-Guided Subject-Position Variable Background"
                        + " Inpainting",
                "Is [MASK] all you need? {Braces}, ~tildes~, back\\slashes and bangs!",
                "TCP/IP over /dev/null: a* search",
                "Attention AND (transformer"
            })
    void shouldTreatThePunctuationOfTitlesAsText(String title) {
        UserQueryParser.Parsed parsed = parser.parse(title);
        assertThat(parsed.error()).isNull();
        assertThat(parsed.query()).isEqualTo(parser.plain(title));
    }

    @Test
    void shouldApplyTheSyntaxWhereItIsWellFormed() {
        Query q = parser.parse("author:shazeer AND \"mixture of experts\" -title:survey")
                .query();
        assertThat(q).isInstanceOf(BooleanQuery.class);
        assertThat(q.toString())
                .contains("+authors:shazeer")
                .contains("\"mixtur ? expert\"")
                .contains("-title:survei");
        assertThat(q).isNotEqualTo(parser.plain("author:shazeer AND \"mixture of experts\" -title:survey"));
    }

    @Test
    void shouldKeepFuzzyTermsCheap() {
        Query q = parser.parse("transformer~2 aa~2").query();
        List<FuzzyQuery> fuzzy = new ArrayList<>();
        q.visit(new org.apache.lucene.search.QueryVisitor() {
            @Override
            public void visitLeaf(Query leaf) {
                if (leaf instanceof FuzzyQuery f) {
                    fuzzy.add(f);
                }
            }

            @Override
            public org.apache.lucene.search.QueryVisitor getSubVisitor(
                    org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        assertThat(fuzzy).isNotEmpty();
        assertThat(fuzzy).allSatisfy(f -> assertThat(f.getPrefixLength()).isEqualTo(1));
        assertThat(fuzzy).filteredOn(f -> f.getTerm().text().equals("aa")).allSatisfy(f -> assertThat(f.getMaxEdits())
                .isEqualTo(1));
    }

    @Test
    void shouldRefuseMoreExpandingTermsThanCanRunCheaply() {
        StringBuilder bomb = new StringBuilder();
        for (char c = 'a'; c < 'a' + 20; c++) {
            bomb.append(c).append("a~2 ");
        }
        UserQueryParser.Parsed parsed = parser.parse(bomb.toString());
        assertThat(parsed.query()).isNull();
        assertThat(parsed.error()).contains("fuzzy, wildcard or prefix terms").contains("at most 4");
        // A word counts once, however many fields it is searched in.
        assertThat(parser.parse("transformer~1").error()).isNull();
        assertThat(parser.parse("author:shaz* AND title:transf*").error()).isNull();
    }

    @Test
    void shouldRefuseAQueryLongerThanTheCap() {
        String text = "word ".repeat(UserQueryParser.MAX_CHARS / 5 + 1);
        UserQueryParser.Parsed parsed = parser.parse(text);
        assertThat(parsed.query()).isNull();
        assertThat(parsed.error()).contains("too long").contains("at most " + UserQueryParser.MAX_CHARS);
        assertThat(parser.parse("word ".repeat(UserQueryParser.MAX_CHARS / 5 - 1))
                        .error())
                .isNull();
    }

    @Test
    void shouldMatchPlainWordsAsAnAuthorsNameAndACategoryToo() {
        assertThat(parser.plain("yann lecun").toString()).contains("authors:\"yann lecun\"");
        assertThat(parser.plain("retrieval cs.IR").toString()).contains("cat:cs.ir");
    }
}
