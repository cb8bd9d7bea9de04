package org.dailypapers.community;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dailypapers.account.Account;
import org.dailypapers.account.AccountPrincipal;
import org.dailypapers.account.AccountService;
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
 * Collections of papers. A private collection is visible to its owner only and reads as missing to everyone else,
 * so that its existence does not leak either.
 */
@Service
public class Collections {

    private static final String COLUMNS = "c.id, c.owner_id, c.title, c.description, c.is_public, c.updated_at,"
            + " (SELECT COUNT(*) FROM collection_item i WHERE i.collection_id = c.id) AS size";

    private final JdbcClient jdbc;
    private final Ids ids;
    private final TransactionTemplate transactions;
    private final PaperCatalog catalog;
    private final AccountService accounts;
    private final Clock clock;

    Collections(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            PaperCatalog catalog,
            AccountService accounts,
            CommunityClock clock,
            Ids ids) {
        this.ids = ids;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.catalog = catalog;
        this.accounts = accounts;
        this.clock = clock.clock();
    }

    public PaperCollection create(AccountPrincipal owner, String title, String description, boolean isPublic) {
        // a control character in a title would break the collection's Atom feed: stored clean
        title = SafeText.clean(title);
        description = SafeText.clean(description);
        check(title, description);
        long id = ids.next();
        String now = Timestamps.format(clock.instant());
        jdbc.sql("INSERT INTO paper_collection (id, owner_id, title, description, is_public, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(id, owner.id(), title.strip(), description.strip(), isPublic, now, now)
                .update();
        return find(id, owner).orElseThrow();
    }

    public PaperCollection update(AccountPrincipal owner, long id, String title, String description, boolean isPublic) {
        title = SafeText.clean(title);
        description = SafeText.clean(description);
        check(title, description);
        owned(owner, id);
        jdbc.sql("UPDATE paper_collection SET title = ?, description = ?, is_public = ?, updated_at = ? WHERE id = ?")
                .params(title.strip(), description.strip(), isPublic, Timestamps.format(clock.instant()), id)
                .update();
        return find(id, owner).orElseThrow();
    }

    public void delete(AccountPrincipal owner, long id) {
        owned(owner, id);
        transactions.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM collection_item WHERE collection_id = ?")
                    .param(id)
                    .update();
            jdbc.sql("DELETE FROM paper_collection WHERE id = ?").param(id).update();
        });
    }

    public void add(AccountPrincipal owner, long id, ArxivId paperId) {
        owned(owner, id);
        Paper paper = catalog.find(paperId).orElseThrow(() -> new UnknownPaperException(paperId.id()));
        String now = Timestamps.format(clock.instant());
        transactions.executeWithoutResult(status -> {
            jdbc.sql("INSERT INTO collection_item (collection_id, paper_id, added_at) VALUES (?, ?, ?)"
                            + " ON CONFLICT (collection_id, paper_id) DO NOTHING")
                    .params(id, paper.id().id(), now)
                    .update();
            jdbc.sql("UPDATE paper_collection SET updated_at = ? WHERE id = ?")
                    .params(now, id)
                    .update();
        });
    }

    public void remove(AccountPrincipal owner, long id, ArxivId paperId) {
        owned(owner, id);
        jdbc.sql("DELETE FROM collection_item WHERE collection_id = ? AND paper_id = ?")
                .params(id, paperId.id())
                .update();
    }

    /** The collection when the viewer may see it: public, or the viewer's own. */
    public Optional<PaperCollection> find(long id, @Nullable AccountPrincipal viewer) {
        return list("c.id = ?", List.of(id)).stream()
                .filter(c -> c.isPublic() || (viewer != null && viewer.id() == c.ownerId()))
                .findFirst();
    }

    public List<PaperCollection> ownedBy(long ownerId, boolean includePrivate) {
        return list(includePrivate ? "c.owner_id = ?" : "c.owner_id = ? AND c.is_public = TRUE", List.of(ownerId));
    }

    public List<PaperCollection> recentPublic(int limit) {
        return list("c.is_public = TRUE", List.of()).stream().limit(limit).toList();
    }

    /** Papers of a collection, most recently added first, with when they were added. */
    public List<Item> items(PaperCollection collection) {
        record Row(String paperId, String addedAt) {}
        List<Row> rows = jdbc.sql("SELECT paper_id, added_at FROM collection_item WHERE collection_id = ? ORDER BY"
                        + " added_at DESC, paper_id")
                .param(collection.id())
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2)))
                .list();
        Map<ArxivId, Paper> papers = new java.util.HashMap<>();
        catalog.findAll(rows.stream().map(r -> new ArxivId(r.paperId(), 0)).toList())
                .forEach(p -> papers.put(p.id(), p));
        return rows.stream()
                .filter(r -> papers.containsKey(new ArxivId(r.paperId(), 0)))
                .map(r -> new Item(
                        papers.get(new ArxivId(r.paperId(), 0)),
                        Timestamps.parse(r.addedAt()).orElseThrow()))
                .toList();
    }

    /** A paper in a collection. */
    public record Item(Paper paper, Instant addedAt) {}

    private void owned(AccountPrincipal owner, long id) {
        PaperCollection c = find(id, owner)
                .orElseThrow(() -> new CommunityException(
                        CommunityException.Kind.NOT_FOUND, null, "Collection " + id + " does not exist."));
        if (c.ownerId() != owner.id()) {
            throw new CommunityException(
                    CommunityException.Kind.FORBIDDEN, null, "Only the owner changes a collection.");
        }
    }

    private List<PaperCollection> list(String where, List<Object> params) {
        record Row(
                long id,
                long ownerId,
                String title,
                String description,
                boolean isPublic,
                String updatedAt,
                int size) {}
        List<Row> rows = jdbc.sql("SELECT " + COLUMNS + " FROM paper_collection c WHERE " + where
                        + " ORDER BY c.updated_at DESC, c.id DESC")
                .params(params)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBoolean(5),
                        rs.getString(6),
                        rs.getInt(7)))
                .list();
        Map<Long, Account> owners =
                accounts.findByIds(rows.stream().map(Row::ownerId).distinct().toList());
        return rows.stream()
                .map(r -> new PaperCollection(
                        r.id(),
                        r.ownerId(),
                        owners.containsKey(r.ownerId())
                                ? owners.get(r.ownerId()).handle()
                                : "deleted-user",
                        r.title(),
                        r.description(),
                        r.isPublic(),
                        Timestamps.parse(r.updatedAt()).orElseThrow(),
                        r.size()))
                .toList();
    }

    private static void check(String title, String description) {
        if (title.isBlank() || title.length() > 200) {
            throw new CommunityException(
                    CommunityException.Kind.INVALID, "title", "Give the collection a title of at most 200 characters.");
        }
        if (description.length() > 2000) {
            throw new CommunityException(
                    CommunityException.Kind.INVALID,
                    "description",
                    "The description may have at most 2000 characters.");
        }
    }
}
