package org.dailypapers.follow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.dailypapers.account.AccountService;
import org.dailypapers.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** A reader's follows: adding (idempotent per kind and target), changing keywords, removing, listing. */
@Service
public class Follows {

    static final int MAX_FOLLOWS = 200;
    static final int MAX_KEYWORDS = 10;
    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z-]*(\\.[A-Za-z][A-Za-z-]*)?");
    private static final Pattern HANDLE = Pattern.compile("[a-z0-9-]{1,40}");
    private static final String COLUMNS = "id, user_id, kind, target, include_keywords, exclude_keywords, created_at";

    private final JdbcClient jdbc;
    private final AccountService accounts;
    private final Clock clock;

    Follows(JdbcClient jdbc, AccountService accounts, ObjectProvider<Clock> clocks) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clocks.getIfUnique(Clock::systemUTC);
    }

    /** What a reader asks to follow, before validation. */
    public record Request(String kind, String target, String include, String exclude) {}

    /**
     * Follows, or updates the keywords of an existing follow of the same kind and target.
     *
     * @throws FollowException naming the field that is wrong
     */
    public Follow follow(long userId, Request request) {
        Follow.Kind kind = Follow.Kind.parse(request.kind())
                .orElseThrow(() -> new FollowException(
                        "kind", "kind must be author, claimed-author, organization, category or search"));
        String target = normalizeTarget(kind, request.target());
        List<String> include = keywords("include", request.include());
        List<String> exclude = keywords("exclude", request.exclude());
        Optional<Follow> existing = find(userId, kind, target);
        if (existing.isPresent()) {
            jdbc.sql("UPDATE follow SET include_keywords = ?, exclude_keywords = ? WHERE id = ?")
                    .params(
                            String.join("\n", include),
                            String.join("\n", exclude),
                            existing.get().id())
                    .update();
            return find(userId, kind, target).orElseThrow();
        }
        if (list(userId).size() >= MAX_FOLLOWS) {
            throw new FollowException("target", "you follow " + MAX_FOLLOWS + " things already; unfollow some first");
        }
        try {
            jdbc.sql("INSERT INTO follow (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            Ids.next(),
                            userId,
                            kind.apiName(),
                            target,
                            String.join("\n", include),
                            String.join("\n", exclude),
                            Timestamps.format(Instant.now(clock)))
                    .update();
        } catch (DuplicateKeyException e) {
            // a concurrent request made the same follow: the answer is the same
        }
        return find(userId, kind, target).orElseThrow();
    }

    /** False when the reader did not follow it. */
    public boolean unfollow(long userId, long followId) {
        return jdbc.sql("DELETE FROM follow WHERE id = ? AND user_id = ?")
                        .params(followId, userId)
                        .update()
                > 0;
    }

    public boolean unfollow(long userId, Follow.Kind kind, String target) {
        return jdbc.sql("DELETE FROM follow WHERE user_id = ? AND kind = ? AND target = ?")
                        .params(userId, kind.apiName(), target.strip())
                        .update()
                > 0;
    }

    public List<Follow> list(long userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM follow WHERE user_id = ? ORDER BY created_at, id")
                .param(userId)
                .query(Follows::map)
                .list();
    }

    public Optional<Follow> find(long userId, Follow.Kind kind, String target) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM follow WHERE user_id = ? AND kind = ? AND target = ?")
                .params(userId, kind.apiName(), target.strip())
                .query(Follows::map)
                .optional();
    }

    private String normalizeTarget(Follow.Kind kind, @Nullable String raw) {
        String t = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        if (t.isEmpty() || t.length() > 200) {
            throw new FollowException("target", "target must be 1 to 200 characters");
        }
        return switch (kind) {
            case CATEGORY -> {
                if (!CATEGORY.matcher(t).matches()) {
                    throw new FollowException(
                            "target", "target must be an arXiv category such as cs.CL, or an archive such as cs");
                }
                yield t;
            }
            case CLAIMED_AUTHOR -> {
                String handle = t.startsWith("@") ? t.substring(1) : t;
                if (!HANDLE.matcher(handle).matches()
                        || accounts.findByHandle(handle).isEmpty()) {
                    throw new FollowException("target", "no user has the handle '" + handle + "'");
                }
                yield handle;
            }
            default -> t;
        };
    }

    /** Comma- or newline-separated words or phrases. */
    static List<String> keywords(String field, @Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        List<String> words = Arrays.stream(raw.split("[,\\n]"))
                .map(w -> w.strip().replaceAll("\\s+", " "))
                .filter(w -> !w.isEmpty())
                .distinct()
                .toList();
        if (words.size() > MAX_KEYWORDS) {
            throw new FollowException(field, field + ": at most " + MAX_KEYWORDS + " keywords");
        }
        for (String w : words) {
            if (w.length() > 60) {
                throw new FollowException(field, field + ": a keyword has at most 60 characters: " + w);
            }
        }
        return words;
    }

    private static Follow map(ResultSet rs, int row) throws SQLException {
        return new Follow(
                rs.getLong("id"),
                rs.getLong("user_id"),
                Follow.Kind.parse(rs.getString("kind")).orElseThrow(),
                rs.getString("target"),
                split(rs.getString("include_keywords")),
                split(rs.getString("exclude_keywords")),
                Timestamps.parse(rs.getString("created_at")).orElseThrow());
    }

    private static List<String> split(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("\n")).filter(s -> !s.isBlank()).toList();
    }
}
