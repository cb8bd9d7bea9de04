package org.dailypapers.community;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.dailypapers.account.AccountPrincipal;
import org.dailypapers.account.RateLimitedAction;
import org.dailypapers.account.RateLimiter;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.paper.PaperRecord;
import org.dailypapers.shared.Timestamps;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts a paper on today's Daily Papers at a user's request. The paper comes from the catalog when it is there
 * already (harvested or imported without a daily entry), otherwise from the arXiv API.
 */
@Service
public class Submissions {

    /** The result: the paper as stored and the feed day it went to. */
    public record Submitted(Paper paper, LocalDate day) {}

    private final PaperCatalog catalog;
    private final ArxivLookup arxiv;
    private final RateLimiter rateLimiter;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration maxAge;

    Submissions(
            PaperCatalog catalog,
            ArxivLookup arxiv,
            RateLimiter rateLimiter,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            CommunityClock clock,
            @Value("${dailypapers.community.max-submission-age:14d}") Duration maxAge) {
        this.catalog = catalog;
        this.arxiv = arxiv;
        this.rateLimiter = rateLimiter;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock.clock();
        this.maxAge = maxAge;
    }

    /** @param input an arXiv id ({@code 2501.05874}, {@code arXiv:2501.05874v2}) or an abs/pdf URL */
    public Submitted submit(AccountPrincipal user, String input) {
        String text = input.strip();
        if (text.isEmpty()) {
            throw new CommunityException(
                    CommunityException.Kind.INVALID, "id", "Enter an arXiv id (such as 2501.05874) or an arXiv URL.");
        }
        ArxivId id = ArxivId.parse(text)
                .map(ArxivId::withoutVersion)
                .orElseThrow(() -> new CommunityException(
                        CommunityException.Kind.INVALID,
                        "id",
                        "'" + abbreviate(text) + "' is not an arXiv id or arXiv URL (expected e.g. 2501.05874 or"
                                + " https://arxiv.org/abs/2501.05874)."));
        rateLimiter.acquire(RateLimitedAction.SUBMIT, "user:" + user.id());
        Optional<DailyEntry> existing = catalog.findEntry(id);
        if (existing.isPresent()) {
            throw duplicate(id, existing.get().day());
        }
        Paper paper = catalog.find(id).orElseGet(() -> lookUp(id));
        Instant now = clock.instant();
        Instant published = paper.publishedAt() != null ? paper.publishedAt() : paper.updatedAt();
        if (published != null && published.isBefore(now.minus(maxAge))) {
            throw new CommunityException(
                    CommunityException.Kind.UNPROCESSABLE,
                    "id",
                    "arXiv:" + id.id() + " was published on " + LocalDate.ofInstant(published, ZoneOffset.UTC)
                            + ", more than " + maxAge.toDays() + " days ago; Daily Papers takes papers from the last "
                            + maxAge.toDays() + " days.");
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        DailyEntry entry = new DailyEntry(
                id, today, now, new DailyEntry.Submitter(user.handle(), user.displayName(), null), 0, null);
        transactions.executeWithoutResult(status -> {
            // the primary key settles two people submitting the same paper at the same moment
            int inserted = jdbc.sql("INSERT INTO submission (paper_id, user_id, submitted_at) VALUES (?, ?, ?)"
                            + " ON CONFLICT (paper_id) DO NOTHING")
                    .params(id.id(), user.id(), Timestamps.format(now))
                    .update();
            if (inserted == 0) {
                throw duplicate(id, today);
            }
            catalog.upsert(List.of(new PaperRecord(paper, entry)));
        });
        return new Submitted(catalog.find(id).orElse(paper), today);
    }

    /** Papers a user submitted, newest first. */
    public List<ArxivId> submittedBy(long userId, int limit) {
        return jdbc
                .sql("SELECT paper_id FROM submission WHERE user_id = ? ORDER BY submitted_at DESC LIMIT ?")
                .params(userId, limit)
                .query(String.class)
                .list()
                .stream()
                .map(p -> new ArxivId(p, 0))
                .toList();
    }

    private Paper lookUp(ArxivId id) {
        Optional<Paper> found;
        try {
            found = arxiv.find(id);
        } catch (ArxivLookup.ArxivUnavailableException e) {
            throw new CommunityException(
                    CommunityException.Kind.UNAVAILABLE,
                    null,
                    "arXiv could not be asked about " + id.id() + " right now (" + e.getMessage()
                            + "). Try again in a few minutes.");
        }
        return found.orElseThrow(() -> new CommunityException(
                CommunityException.Kind.NOT_FOUND, "id", "arXiv has no paper with the id " + id.id() + "."));
    }

    private static CommunityException duplicate(ArxivId id, LocalDate day) {
        return new CommunityException(
                CommunityException.Kind.CONFLICT,
                "id",
                "arXiv:" + id.id() + " is already on Daily Papers (submitted for " + day + ").");
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
