package org.dailypapers.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.dailypapers.account.Account;
import org.dailypapers.account.AccountPrincipal;
import org.dailypapers.account.AccountService;
import org.dailypapers.community.Authorship;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.web.SiteTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HF's isAuthorParticipating comes from confirmed authorship claims, not a constant. */
class AuthorParticipationTests extends SiteTestSupport {

    @Autowired
    AccountService accounts;

    @Autowired
    Authorship authorship;

    @Autowired
    PaperCatalog catalog;

    private AccountPrincipal principal(boolean admin) {
        Account a = accounts.createUser(
                "author-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
                "a long enough password",
                admin);
        return new AccountPrincipal(a.id(), a.email(), a.handle(), a.displayName(), a.admin(), null);
    }

    @Test
    void shouldSayAnAuthorParticipatesOnceTheirClaimIsConfirmed() {
        ArxivId claimed = ArxivId.of("2512.22525");
        String author = catalog.find(claimed).orElseThrow().authors().getFirst();
        AccountPrincipal user = principal(false);
        authorship.claim(user, claimed, author);

        JsonNode pending = day("");
        assertThat(entry(pending, "2512.22525").get("isAuthorParticipating").booleanValue())
                .isFalse();

        authorship.decide(principal(true), user.id(), claimed, true);
        // signed-out answers are kept up to 5 s (web.page-cache-ttl); another address of the same list is fresh
        JsonNode confirmed = day("&limit=60");
        assertThat(entry(confirmed, "2512.22525").get("isAuthorParticipating").booleanValue())
                .isTrue();
        for (JsonNode e : confirmed) {
            if (!e.get("paper").get("id").asString().equals("2512.22525")) {
                assertThat(e.get("isAuthorParticipating").booleanValue()).isFalse();
            }
        }
    }

    private JsonNode day(String more) {
        return JsonMapper.builder()
                .build()
                .readTree(get("/api/daily_papers?date=" + DEMO_LATEST_DAY + more, "application/json")
                        .body());
    }

    private static JsonNode entry(JsonNode list, String id) {
        for (JsonNode e : list) {
            if (e.get("paper").get("id").asString().equals(id)) {
                return e;
            }
        }
        throw new AssertionError(id + " is not in " + list);
    }
}
