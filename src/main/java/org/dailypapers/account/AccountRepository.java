package org.dailypapers.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dailypapers.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over {@code app_user} and {@code api_token}. */
@Repository
class AccountRepository {

    private static final String USER_COLUMNS = "id, email, handle, display_name, password_hash, is_admin, created_at";

    private final JdbcClient jdbc;
    private final RowMapper<StoredUser> userMapper = (rs, n) -> mapUser(rs);

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record StoredUser(Account account, String passwordHash) {}

    void insertUser(Account a, String passwordHash) {
        jdbc.sql("INSERT INTO app_user (" + USER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        a.id(),
                        a.email(),
                        a.handle(),
                        a.displayName(),
                        passwordHash,
                        a.admin(),
                        Timestamps.format(a.createdAt()))
                .update();
    }

    Optional<StoredUser> findByEmail(String email) {
        return jdbc.sql("SELECT " + USER_COLUMNS + " FROM app_user WHERE email = ?")
                .param(email)
                .query(userMapper)
                .optional();
    }

    Optional<StoredUser> findByHandle(String handle) {
        return jdbc.sql("SELECT " + USER_COLUMNS + " FROM app_user WHERE handle = ?")
                .param(handle)
                .query(userMapper)
                .optional();
    }

    Optional<StoredUser> findById(long id) {
        return jdbc.sql("SELECT " + USER_COLUMNS + " FROM app_user WHERE id = ?")
                .param(id)
                .query(userMapper)
                .optional();
    }

    Map<Long, Account> findByIds(Collection<Long> ids) {
        Map<Long, Account> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT " + USER_COLUMNS + " FROM app_user WHERE id IN (:ids)")
                .param("ids", List.copyOf(ids))
                .query(userMapper)
                .list()
                .forEach(u -> result.put(u.account().id(), u.account()));
        return result;
    }

    boolean emailExists(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE email = ?")
                        .param(email)
                        .query(Long.class)
                        .single()
                > 0;
    }

    boolean handleExists(String handle) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE handle = ?")
                        .param(handle)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void updatePassword(long userId, String hash) {
        jdbc.sql("UPDATE app_user SET password_hash = ? WHERE id = ?")
                .params(hash, userId)
                .update();
    }

    void setAdmin(long userId, boolean admin) {
        jdbc.sql("UPDATE app_user SET is_admin = ? WHERE id = ?")
                .params(admin, userId)
                .update();
    }

    void insertToken(long userId, ApiToken t, String hash) {
        jdbc.sql(
                        "INSERT INTO api_token (id, user_id, name, token_hash, token_prefix, created_at) VALUES (?, ?, ?, ?, ?,"
                                + " ?)")
                .params(t.id(), userId, t.name(), hash, t.prefix(), Timestamps.format(t.createdAt()))
                .update();
    }

    List<ApiToken> tokens(long userId) {
        return jdbc.sql("SELECT id, name, token_prefix, created_at, last_used_at FROM api_token WHERE user_id = ?"
                        + " ORDER BY id DESC")
                .param(userId)
                .query((rs, n) -> new ApiToken(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("token_prefix"),
                        instant(rs.getString("created_at")),
                        Timestamps.parseNullable(rs.getString("last_used_at"))))
                .list();
    }

    boolean deleteToken(long userId, long tokenId) {
        return jdbc.sql("DELETE FROM api_token WHERE id = ? AND user_id = ?")
                        .params(tokenId, userId)
                        .update()
                > 0;
    }

    record TokenOwner(long tokenId, long userId, @Nullable String lastUsedAt) {}

    Optional<TokenOwner> findTokenOwner(String hash) {
        return jdbc.sql("SELECT id, user_id, last_used_at FROM api_token WHERE token_hash = ?")
                .param(hash)
                .query((rs, n) -> new TokenOwner(rs.getLong("id"), rs.getLong("user_id"), rs.getString("last_used_at")))
                .optional();
    }

    void markTokenUsed(long tokenId, Instant at) {
        jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ?")
                .params(Timestamps.format(at), tokenId)
                .update();
    }

    long countUsers() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
    }

    private static StoredUser mapUser(ResultSet rs) throws SQLException {
        return new StoredUser(
                new Account(
                        rs.getLong("id"),
                        rs.getString("email"),
                        rs.getString("handle"),
                        rs.getString("display_name"),
                        rs.getBoolean("is_admin"),
                        instant(rs.getString("created_at"))),
                rs.getString("password_hash"));
    }

    private static Instant instant(String text) {
        return Timestamps.parse(text)
                .orElseThrow(() -> new IllegalStateException("bad timestamp in database: " + text));
    }
}
