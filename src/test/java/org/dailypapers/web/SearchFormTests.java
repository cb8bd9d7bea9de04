package org.dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.dailypapers.paper.Source;
import org.dailypapers.paper.Venues;
import org.dailypapers.search.SearchMode;
import org.dailypapers.search.SearchRequest;
import org.dailypapers.search.SearchSort;
import org.junit.jupiter.api.Test;

class SearchFormTests {

    @Test
    void shouldReadEveryParameterIntoTheRequest() {
        SearchForm form = SearchForm.parse(Map.of(
                "q", new String[] {" C++ compilers "},
                "mode", new String[] {"dense"},
                "from", new String[] {"2025-01-01"},
                "to", new String[] {"2025-06-30"},
                "category", new String[] {"cs.PL", "cs.SE", "cs.PL"},
                "code", new String[] {"1"},
                "org", new String[] {"google"},
                "sort", new String[] {"date"},
                "page", new String[] {"3"}));
        SearchRequest request = form.toRequest();
        assertThat(request.query()).isEqualTo("C++ compilers");
        assertThat(request.mode()).isEqualTo(SearchMode.DENSE);
        assertThat(request.from()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(request.to()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(request.categories()).containsExactly("cs.PL", "cs.SE");
        assertThat(request.hasCode()).isTrue();
        assertThat(request.organization()).isEqualTo("google");
        assertThat(request.sort()).isEqualTo(SearchSort.DATE);
        assertThat(request.page()).isEqualTo(2);
        assertThat(request.size()).isEqualTo(SearchForm.PAGE_SIZE);
    }

    @Test
    void shouldFilterBySourceAndVenueAndKeepBothInEveryLinkButTheToggledOne() {
        SearchForm form = SearchForm.parse(Map.of(
                "q", new String[] {"parsing"},
                "source", new String[] {"ACL"},
                "venue", new String[] {" NAACL "},
                "page", new String[] {"2"}));
        assertThat(form.toRequest().source()).isEqualTo(Source.ACL);
        assertThat(form.toRequest().venue()).isEqualTo("naacl");
        assertThat(form.feedHref()).isEqualTo("/feeds/search.atom?q=parsing&source=acl&venue=naacl");
        assertThat(form.hrefWithPage(3)).isEqualTo("/search?q=parsing&source=acl&venue=naacl&page=3");
        assertThat(form.hrefTogglingSource(Source.ACL)).isEqualTo("/search?q=parsing&venue=naacl");
        assertThat(form.hrefTogglingSource(Source.OPENREVIEW))
                .isEqualTo("/search?q=parsing&source=openreview&venue=naacl");
        assertThat(form.hrefTogglingVenue("naacl")).isEqualTo("/search?q=parsing&source=acl");
        assertThat(form.hrefTogglingVenue("iclr")).isEqualTo("/search?q=parsing&source=acl&venue=iclr");
        assertThatThrownBy(() -> SearchForm.parse(Map.of("q", new String[] {"x"}, "source", new String[] {"ssrn"})))
                .isInstanceOfSatisfying(SearchForm.InvalidSearchException.class, e -> assertThat(e.parameter())
                        .isEqualTo("source"));
        assertThatThrownBy(() -> SearchForm.parse(
                        Map.of("q", new String[] {"x"}, "venue", new String[] {"v".repeat(Venues.MAX_LENGTH + 1)})))
                .isInstanceOfSatisfying(SearchForm.InvalidSearchException.class, e -> assertThat(e.parameter())
                        .isEqualTo("venue"));
    }

    @Test
    void shouldWriteLinksThatReadBackToTheSameSearch() {
        SearchForm form = SearchForm.parse(Map.of(
                "q", new String[] {"C++ & \"rust\""},
                "mode", new String[] {"bm25"},
                "category", new String[] {"cs.PL"}));
        assertThat(form.feedHref())
                .isEqualTo("/feeds/search.atom?q=C%2B%2B%20%26%20%22rust%22&mode=bm25&category=cs.PL");
        String query = form.hrefWithPage(2).substring("/search?".length());
        Map<String, String[]> params = new java.util.HashMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            params.merge(
                    kv[0],
                    new String[] {java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8)},
                    (a, b) -> java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
                            .toArray(String[]::new));
        }
        assertThat(SearchForm.parse(params))
                .isEqualTo(new SearchForm(
                        form.q(), form.mode(), null, null, form.categories(), false, null, SearchSort.RELEVANCE, 2));
    }

    @Test
    void shouldToggleACategoryFacet() {
        SearchForm form = SearchForm.parse(Map.of("q", new String[] {"x"}, "category", new String[] {"cs.CL"}));
        assertThat(form.hrefToggling("cs.CL")).isEqualTo("/search?q=x");
        assertThat(form.hrefToggling("cs.LG")).isEqualTo("/search?q=x&category=cs.CL&category=cs.LG");
    }

    @Test
    void shouldNameTheBadParameter() {
        assertThatThrownBy(() -> SearchForm.parse(Map.of("q", new String[] {"x"}, "mode", new String[] {"magic"})))
                .isInstanceOf(SearchForm.InvalidSearchException.class)
                .hasMessageContaining("'magic'")
                .hasMessageContaining("bm25, dense or hybrid");
        assertThatThrownBy(() -> SearchForm.parse(Map.of("from", new String[] {"2025-02-30x"})))
                .hasMessageContaining("'from'");
        assertThatThrownBy(() -> SearchForm.parse(
                        Map.of("from", new String[] {"2025-03-01"}, "to", new String[] {"2025-02-01"})))
                .hasMessageContaining("ends (2025-02-01) before it starts (2025-03-01)");
        assertThatThrownBy(() -> SearchForm.parse(Map.of("page", new String[] {"0"})))
                .hasMessageContaining("pages run from 1 to 50");
    }
}
