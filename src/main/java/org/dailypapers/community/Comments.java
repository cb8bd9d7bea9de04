package org.dailypapers.community;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dailypapers.account.Account;
import org.dailypapers.account.AccountPrincipal;
import org.dailypapers.account.AccountService;
import org.dailypapers.account.RateLimitedAction;
import org.dailypapers.account.RateLimiter;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.shared.Ids;
import org.dailypapers.shared.SafeText;
import org.dailypapers.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Comments on papers: Markdown stored as written and rendered once on write (sanitised), one level of replies,
 * edit and delete by the author, hide by admins. The daily entry's comment count moves with every change of
 * visibility, in the same transaction and by a conditional update, so it stays exact under concurrency.
 */
@Service
public class Comments {

    static final int MAX_LENGTH = 10_000;

    private static final String COLUMNS =
            "id, paper_id, parent_id, author_id, body_markdown, body_html, created_at," + " edited_at, hidden, deleted";

    private final JdbcClient jdbc;
    private final Ids ids;
    private final TransactionTemplate transactions;
    private final PaperCatalog catalog;
    private final AccountService accounts;
    private final RateLimiter rateLimiter;
    private final Clock clock;

    Comments(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            PaperCatalog catalog,
            AccountService accounts,
            RateLimiter rateLimiter,
            CommunityClock clock,
            Ids ids) {
        this.ids = ids;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.catalog = catalog;
        this.accounts = accounts;
        this.rateLimiter = rateLimiter;
        this.clock = clock.clock();
    }

    private record Row(
            long id,
            String paperId,
            @Nullable Long parentId,
            long authorId,
            String markdown,
            String html,
            String createdAt,
            @Nullable String editedAt,
            boolean hidden,
            boolean deleted) {}

    public Comment post(AccountPrincipal user, ArxivId id, @Nullable Long parentId, String markdown) {
        String body = checkBody(SafeText.clean(markdown));
        ArxivId paperId = catalog.find(id).map(Paper::id).orElseThrow(() -> new UnknownPaperException(id.id()));
        rateLimiter.acquire(RateLimitedAction.COMMENT, "user:" + user.id());
        Long rootId = null;
        if (parentId != null) {
            Row parent = find(parentId)
                    .filter(r -> r.paperId().equals(paperId.id()))
                    .orElseThrow(() -> new CommunityException(
                            CommunityException.Kind.NOT_FOUND,
                            "parentId",
                            "The comment " + parentId + " to reply to does not exist on this paper."));
            // one level of replies: an answer to a reply joins the thread of the top-level comment
            rootId = parent.parentId() != null ? parent.parentId() : parent.id();
        }
        long commentId = ids.next();
        String now = Timestamps.format(clock.instant());
        Long root = rootId;
        transactions.executeWithoutResult(status -> {
            jdbc.sql("INSERT INTO paper_comment (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, NULL, FALSE, FALSE)")
                    .params(commentId, paperId.id(), root, user.id(), body, MarkdownRenderer.render(body), now)
                    .update();
            catalog.addComments(paperId, 1);
        });
        return get(commentId, true);
    }

    public Comment edit(AccountPrincipal user, long commentId, String markdown) {
        String body = checkBody(SafeText.clean(markdown));
        Row row = find(commentId).orElseThrow(() -> notFound(commentId));
        if (row.authorId() != user.id()) {
            throw new CommunityException(CommunityException.Kind.FORBIDDEN, null, "You can edit only your comments.");
        }
        int n = jdbc.sql("UPDATE paper_comment SET body_markdown = ?, body_html = ?, edited_at = ? WHERE id = ? AND"
                        + " author_id = ? AND deleted = FALSE")
                .params(body, MarkdownRenderer.render(body), Timestamps.format(clock.instant()), commentId, user.id())
                .update();
        if (n == 0) {
            throw notFound(commentId);
        }
        return get(commentId, true);
    }

    /** Deletes a comment of one's own (admins may delete any); its text goes, its place stays for its replies. */
    public void delete(AccountPrincipal user, long commentId) {
        Row row = find(commentId).orElseThrow(() -> notFound(commentId));
        if (row.authorId() != user.id() && !user.admin()) {
            throw new CommunityException(CommunityException.Kind.FORBIDDEN, null, "You can delete only your comments.");
        }
        transactions.executeWithoutResult(status -> {
            int n = jdbc.sql("UPDATE paper_comment SET deleted = TRUE, body_markdown = '', body_html = '' WHERE id = ?"
                            + " AND deleted = FALSE")
                    .param(commentId)
                    .update();
            if (n > 0 && !row.hidden()) {
                catalog.addComments(new ArxivId(row.paperId(), 0), -1);
            }
        });
    }

    /** Admins hide a comment (and may show it again); hidden text stays readable to admins only. */
    public void setHidden(AccountPrincipal admin, long commentId, boolean hidden) {
        if (!admin.admin()) {
            throw new CommunityException(CommunityException.Kind.FORBIDDEN, null, "Only admins hide comments.");
        }
        Row row = find(commentId).orElseThrow(() -> notFound(commentId));
        transactions.executeWithoutResult(status -> {
            int n = jdbc.sql("UPDATE paper_comment SET hidden = ? WHERE id = ? AND hidden = ? AND deleted = FALSE")
                    .params(hidden, commentId, !hidden)
                    .update();
            if (n > 0) {
                catalog.addComments(new ArxivId(row.paperId(), 0), hidden ? -1 : 1);
            }
        });
    }

    /** The thread of a paper, oldest first; removed comments without replies are left out. */
    public List<Comment> thread(ArxivId id, boolean viewerIsAdmin) {
        List<Row> rows = jdbc.sql("SELECT " + COLUMNS + " FROM paper_comment WHERE paper_id = ? ORDER BY id")
                .param(id.id())
                .query((rs, n) -> map(rs))
                .list();
        Map<Long, Account> authors =
                accounts.findByIds(rows.stream().map(Row::authorId).distinct().toList());
        Map<Long, List<Comment>> repliesByRoot = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.parentId() != null && !(removedFor(r, viewerIsAdmin))) {
                repliesByRoot
                        .computeIfAbsent(r.parentId(), k -> new ArrayList<>())
                        .add(toComment(r, authors, List.of(), viewerIsAdmin));
            }
        }
        List<Comment> thread = new ArrayList<>();
        for (Row r : rows) {
            if (r.parentId() == null) {
                List<Comment> replies = repliesByRoot.getOrDefault(r.id(), List.of());
                if (removedFor(r, viewerIsAdmin) && replies.isEmpty()) {
                    continue;
                }
                thread.add(toComment(r, authors, replies, viewerIsAdmin));
            }
        }
        return thread;
    }

    public Optional<Comment> find(long commentId, boolean viewerIsAdmin) {
        return find(commentId)
                .map(r -> toComment(r, accounts.findByIds(List.of(r.authorId())), List.of(), viewerIsAdmin));
    }

    private Comment get(long commentId, boolean viewerIsAdmin) {
        return find(commentId, viewerIsAdmin).orElseThrow(() -> notFound(commentId));
    }

    private static boolean removedFor(Row r, boolean admin) {
        return r.deleted() || (r.hidden() && !admin);
    }

    private static Comment toComment(Row r, Map<Long, Account> authors, List<Comment> replies, boolean admin) {
        Account a = authors.get(r.authorId());
        CommentAuthor author = a == null
                ? new CommentAuthor(r.authorId(), "deleted-user", "Deleted user")
                : new CommentAuthor(a.id(), a.handle(), a.displayName());
        boolean blank = removedFor(r, admin);
        return new Comment(
                r.id(),
                new ArxivId(r.paperId(), 0),
                r.parentId(),
                author,
                blank ? "" : r.markdown(),
                blank ? "" : r.html(),
                Timestamps.parse(r.createdAt()).orElseThrow(),
                Timestamps.parseNullable(r.editedAt()),
                r.hidden(),
                r.deleted(),
                replies);
    }

    private Optional<Row> find(long commentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM paper_comment WHERE id = ?")
                .param(commentId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    private static Row map(ResultSet rs) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new Row(
                rs.getLong("id"),
                rs.getString("paper_id"),
                parentId,
                rs.getLong("author_id"),
                rs.getString("body_markdown"),
                rs.getString("body_html"),
                rs.getString("created_at"),
                rs.getString("edited_at"),
                rs.getBoolean("hidden"),
                rs.getBoolean("deleted"));
    }

    private static String checkBody(@Nullable String markdown) {
        if (markdown == null || markdown.isBlank()) {
            throw new CommunityException(CommunityException.Kind.INVALID, "body", "A comment needs some text.");
        }
        if (markdown.length() > MAX_LENGTH) {
            throw new CommunityException(
                    CommunityException.Kind.INVALID,
                    "body",
                    "A comment may have at most " + MAX_LENGTH + " characters; this one has " + markdown.length()
                            + ".");
        }
        return markdown.strip();
    }

    private static CommunityException notFound(long commentId) {
        return new CommunityException(
                CommunityException.Kind.NOT_FOUND, null, "Comment " + commentId + " does not exist.");
    }
}
