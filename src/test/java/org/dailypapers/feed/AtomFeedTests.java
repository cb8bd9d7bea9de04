package org.dailypapers.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import org.dailypapers.web.SiteTestSupport;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/** The Atom feeds, read back with Rome and checked against what Atom 1.0 (RFC 4287) requires. */
class AtomFeedTests extends SiteTestSupport {

    @Test
    void shouldCarryTheLatestDayAsValidAtom() throws Exception {
        HttpResponse<String> r = get("/feeds/daily.atom", "application/atom+xml");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/atom+xml"));
        Feed feed = parse(r.body());
        assertValidAtom(feed);
        assertThat(feed.getId()).isEqualTo("https://papers.example.org/feeds/daily.atom");
        assertThat(feed.getOtherLinks())
                .extracting(Link::getRel, Link::getHref)
                .contains(org.assertj.core.groups.Tuple.tuple("self", "https://papers.example.org/feeds/daily.atom"));
        assertThat(feed.getEntries()).hasSize(4);
        Entry dreamOmni = feed.getEntries().stream()
                .filter(e -> e.getTitle().startsWith("DreamOmni3"))
                .findFirst()
                .orElseThrow();
        assertThat(dreamOmni.getId()).isEqualTo("https://arxiv.org/abs/2512.22525");
        assertThat(dreamOmni.getAlternateLinks().getFirst().getHref())
                .isEqualTo("https://papers.example.org/papers/2512.22525");
        assertThat(dreamOmni.getAuthors()).hasSize(11);
        assertThat(dreamOmni.getSummary().getValue()).startsWith("Recently unified generation");
    }

    @Test
    void shouldServeTrendingAndOrganisationFeeds() throws Exception {
        Feed trending =
                parse(get("/feeds/trending.atom", "application/atom+xml").body());
        assertValidAtom(trending);
        assertThat(trending.getEntries()).isNotEmpty();
        Feed org = parse(get("/feeds/organizations/ByteDance.atom", "application/atom+xml")
                .body());
        assertValidAtom(org);
        assertThat(org.getEntries()).isNotEmpty();
        assertThat(org.getAlternateLinks().getFirst().getHref())
                .isEqualTo("https://papers.example.org/organizations/ByteDance");
    }

    @Test
    void shouldServeAnEmptyCategoryFeedThatIsStillValid() throws Exception {
        Feed feed = parse(get("/feeds/categories/astro-ph.GA.atom", "application/atom+xml")
                .body());
        assertValidAtom(feed);
        assertThat(feed.getEntries()).isEmpty();
    }

    @Test
    void shouldNameABadParameter() {
        HttpResponse<String> r = get("/feeds/daily.atom?category=%3Cscript%3E", "application/atom+xml");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Invalid parameter 'category'");
        HttpResponse<String> search = get("/feeds/search.atom?q=x&from=yesterday", "application/atom+xml");
        assertThat(search.statusCode()).isEqualTo(400);
        assertThat(search.body()).contains("'from'").contains("YYYY-MM-DD");
    }

    @Test
    void shouldLinkEveryListPageToItsFeed() {
        assertThat(get("/").body()).contains("type=\"application/atom+xml\"", "href=\"/feeds/daily.atom\"");
        assertThat(get("/trending").body()).contains("href=\"/feeds/trending.atom\"");
        assertThat(get("/organizations/ByteDance").body()).contains("href=\"/feeds/organizations/ByteDance.atom\"");
        assertThat(get("/categories/cs.CL").body()).contains("href=\"/feeds/categories/cs.CL.atom\"");
        assertThat(get("/daily/2025-12-31?category=cs.CV").body())
                .contains("href=\"/feeds/daily.atom?category=cs.CV\"");
    }

    private static Feed parse(String xml) throws Exception {
        WireFeedInput input = new WireFeedInput();
        return (Feed) input.build(new InputSource(new StringReader(xml)));
    }

    /** The MUSTs of RFC 4287 for feed and entries: id, title, updated, an author, unique entry ids. */
    private static void assertValidAtom(Feed feed) {
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getId()).startsWith("https://papers.example.org/feeds/");
        assertThat(feed.getTitle()).isNotBlank();
        assertThat(feed.getUpdated()).isNotNull();
        assertThat(feed.getAuthors()).isNotEmpty();
        assertThat(feed.getOtherLinks()).anySatisfy(l -> assertThat(l.getRel()).isEqualTo("self"));
        Set<String> ids = new HashSet<>();
        for (Entry e : feed.getEntries()) {
            assertThat(e.getId()).startsWith("https://arxiv.org/abs/");
            assertThat(ids.add(e.getId())).as("unique id %s", e.getId()).isTrue();
            assertThat(e.getTitle()).isNotBlank();
            assertThat(e.getUpdated()).isNotNull();
            assertThat(e.getAlternateLinks().getFirst().getHref()).startsWith("https://papers.example.org/papers/");
        }
    }
}
