package org.dailypapers.community;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.dailypapers.account.Account;
import org.dailypapers.account.AccountPrincipal;
import org.dailypapers.account.AccountService;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.shared.Ids;
import org.dailypapers.shared.SafeText;
import org.dailypapers.shared.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Organisations, their members and the papers members link to them. */
@Service
public class Organizations {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?");

    private final JdbcClient jdbc;
    private final Ids ids;
    private final TransactionTemplate transactions;
    private final PaperCatalog catalog;
    private final AccountService accounts;
    private final Clock clock;

    Organizations(
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

    public Organization create(AccountPrincipal user, String slug, String name, String description) {
        name = SafeText.clean(name);
        description = SafeText.clean(description);
        String s = slug.strip().toLowerCase(java.util.Locale.ROOT);
        if (!SLUG.matcher(s).matches()) {
            throw new CommunityException(
                    CommunityException.Kind.INVALID,
                    "slug",
                    "The short name takes 1 to 60 lower-case letters, digits or dashes (no dash at either end).");
        }
        if (name.isBlank() || name.length() > 200) {
            throw new CommunityException(
                    CommunityException.Kind.INVALID, "name", "Give the organisation a name of at most 200 characters.");
        }
        if (description.length() > 2000) {
            throw new CommunityException(
                    CommunityException.Kind.INVALID,
                    "description",
                    "The description may have at most 2000 characters.");
        }
        Organization org = new Organization(ids.next(), s, name.strip(), description.strip());
        String now = Timestamps.format(clock.instant());
        try {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("INSERT INTO organization (id, slug, name, description, created_by, created_at) VALUES (?, ?,"
                                + " ?, ?, ?, ?)")
                        .params(org.id(), org.slug(), org.name(), org.description(), user.id(), now)
                        .update();
                jdbc.sql("INSERT INTO organization_member (organization_id, user_id, role, joined_at) VALUES (?, ?,"
                                + " 'ADMIN', ?)")
                        .params(org.id(), user.id(), now)
                        .update();
            });
        } catch (DuplicateKeyException e) {
            throw new CommunityException(
                    CommunityException.Kind.CONFLICT, "slug", "The short name '" + s + "' is taken.");
        }
        return org;
    }

    public Optional<Organization> find(String slug) {
        return jdbc.sql("SELECT id, slug, name, description FROM organization WHERE slug = ?")
                .param(slug.toLowerCase(java.util.Locale.ROOT))
                .query((rs, n) -> new Organization(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    public List<Organization> all() {
        return jdbc.sql("SELECT id, slug, name, description FROM organization ORDER BY name")
                .query((rs, n) -> new Organization(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    public List<Organization> of(long userId) {
        return jdbc.sql("SELECT o.id, o.slug, o.name, o.description FROM organization o JOIN organization_member m ON"
                        + " m.organization_id = o.id WHERE m.user_id = ? ORDER BY o.name")
                .param(userId)
                .query((rs, n) -> new Organization(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    public List<OrganizationMember> members(Organization org) {
        record Row(long userId, String role) {}
        List<Row> rows = jdbc.sql("SELECT user_id, role FROM organization_member WHERE organization_id = ? ORDER BY"
                        + " joined_at")
                .param(org.id())
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2)))
                .list();
        Map<Long, Account> users =
                accounts.findByIds(rows.stream().map(Row::userId).toList());
        return rows.stream()
                .filter(r -> users.containsKey(r.userId()))
                .map(r -> new OrganizationMember(
                        r.userId(),
                        users.get(r.userId()).handle(),
                        users.get(r.userId()).displayName(),
                        "ADMIN".equals(r.role())))
                .toList();
    }

    public void addMember(AccountPrincipal admin, Organization org, String handle) {
        requireRole(admin, org, true);
        Account member = accounts.findByHandle(handle.strip())
                .orElseThrow(() -> new CommunityException(
                        CommunityException.Kind.NOT_FOUND, "handle", "There is no user named '" + handle + "'."));
        jdbc.sql("INSERT INTO organization_member (organization_id, user_id, role, joined_at) VALUES (?, ?, 'MEMBER',"
                        + " ?) ON CONFLICT (organization_id, user_id) DO NOTHING")
                .params(org.id(), member.id(), Timestamps.format(clock.instant()))
                .update();
    }

    public void linkPaper(AccountPrincipal member, Organization org, ArxivId id) {
        requireRole(member, org, false);
        Paper paper = catalog.find(id).orElseThrow(() -> new UnknownPaperException(id.id()));
        jdbc.sql("INSERT INTO organization_paper (organization_id, paper_id, linked_by, linked_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (organization_id, paper_id) DO NOTHING")
                .params(org.id(), paper.id().id(), member.id(), Timestamps.format(clock.instant()))
                .update();
    }

    public void unlinkPaper(AccountPrincipal member, Organization org, ArxivId id) {
        requireRole(member, org, false);
        jdbc.sql("DELETE FROM organization_paper WHERE organization_id = ? AND paper_id = ?")
                .params(org.id(), id.id())
                .update();
    }

    /** The organisation's papers, most recently linked first. */
    public List<Paper> papers(Organization org, int limit) {
        List<ArxivId> ids = jdbc
                .sql("SELECT paper_id FROM organization_paper WHERE organization_id = ? ORDER BY"
                        + " linked_at DESC, paper_id LIMIT ?")
                .params(org.id(), limit)
                .query(String.class)
                .list()
                .stream()
                .map(p -> new ArxivId(p, 0))
                .toList();
        return catalog.findAll(ids);
    }

    public boolean isMember(long userId, Organization org) {
        return role(userId, org).isPresent();
    }

    private Optional<String> role(long userId, Organization org) {
        return jdbc.sql("SELECT role FROM organization_member WHERE organization_id = ? AND user_id = ?")
                .params(org.id(), userId)
                .query(String.class)
                .optional();
    }

    private void requireRole(AccountPrincipal user, Organization org, boolean admin) {
        Optional<String> role = role(user.id(), org);
        boolean allowed = user.admin() || (role.isPresent() && (!admin || "ADMIN".equals(role.get())));
        if (!allowed) {
            throw new CommunityException(
                    CommunityException.Kind.FORBIDDEN,
                    null,
                    admin
                            ? "Only admins of " + org.name() + " add members."
                            : "Only members of " + org.name() + " link papers to it.");
        }
    }
}
