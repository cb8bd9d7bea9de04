package org.dailypapers.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkExtractorTest {

    @Test
    void shouldFindCodeAndProjectLinksInAbstractAndComments() {
        List<PaperLink> links = LinkExtractor.extract(
                "We release code at https://github.com/foo/bar-baz. See also https://foo.github.io/project/.",
                "Accepted at ICLR. Code: https://gitlab.com/group/repo.git; data https://huggingface.co/datasets/a/b");
        assertThat(links)
                .containsExactly(
                        new PaperLink(PaperLink.Kind.CODE, "https://github.com/foo/bar-baz"),
                        new PaperLink(PaperLink.Kind.PROJECT, "https://foo.github.io/project/"),
                        new PaperLink(PaperLink.Kind.CODE, "https://gitlab.com/group/repo"),
                        new PaperLink(PaperLink.Kind.HUGGINGFACE, "https://huggingface.co/datasets/a/b"));
    }

    @Test
    void shouldJoinUrlsThatArxivWrappedAtALineEnd() {
        List<PaperLink> links = LinkExtractor.extract("available at https://github.com/some-org/\nrepo-name for all");
        assertThat(links).containsExactly(new PaperLink(PaperLink.Kind.CODE, "https://github.com/some-org/repo-name"));
    }

    @Test
    void shouldIgnoreReferencesLicencesAndBareHosts() {
        assertThat(LinkExtractor.extract(
                        "see https://arxiv.org/abs/2501.00001, https://doi.org/10.1/x, https://github.com/ and"
                                + " (https://creativecommons.org/licenses/by/4.0/)"))
                .isEmpty();
    }

    @Test
    void shouldTrimClosingParenthesisOnlyWhenUnbalanced() {
        assertThat(LinkExtractor.extract("(code: https://github.com/a/b)"))
                .containsExactly(new PaperLink(PaperLink.Kind.CODE, "https://github.com/a/b"));
        assertThat(LinkExtractor.extract("page https://en.wikipedia.org/wiki/Foo_(bar) here"))
                .containsExactly(new PaperLink(PaperLink.Kind.PROJECT, "https://en.wikipedia.org/wiki/Foo_(bar)"));
    }
}
