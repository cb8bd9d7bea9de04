package org.dailypapers.shared;

import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Bucket4j's select-for-update proxy manager for SQLite, which Bucket4j ships none for. SQLite has no {@code SELECT
 * ... FOR UPDATE}, and needs none: our connections begin their transactions IMMEDIATE (see
 * {@link StorageConfiguration}), so a transaction holds the database's write lock from its first statement and
 * whoever reads a bucket inside one may write it back unseen by others. The SQL is otherwise the PostgreSQL manager's.
 */
final class SqliteBucketProxyManager extends AbstractSelectForUpdateBasedProxyManager<String>
        implements ExpiredEntriesCleaner {

    private static final String SELECT = "SELECT state FROM rate_limit_bucket WHERE id = ?";
    private static final String INSERT =
            "INSERT INTO rate_limit_bucket (id, state) VALUES (?, NULL) ON CONFLICT (id) DO NOTHING";
    private static final String UPDATE = "UPDATE rate_limit_bucket SET state = ?, expires_at = ? WHERE id = ?";
    private static final String DELETE = "DELETE FROM rate_limit_bucket WHERE id = ?";
    private static final String DELETE_EXPIRED = "DELETE FROM rate_limit_bucket WHERE id IN (SELECT id FROM"
            + " rate_limit_bucket WHERE expires_at < ? LIMIT ?)";

    private final DataSource dataSource;

    SqliteBucketProxyManager(DataSource dataSource, ClientSideConfig config) {
        super(config);
        this.dataSource = dataSource;
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    @Override
    protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
        return new SelectForUpdateBasedTransaction() {
            @Override
            public void begin(Optional<Long> timeout) {
                run(() -> connection.setAutoCommit(false));
            }

            @Override
            public void rollback() {
                run(connection::rollback);
            }

            @Override
            public void commit(Optional<Long> timeout) {
                run(connection::commit);
            }

            @Override
            public LockAndGetResult tryLockAndGet(Optional<Long> timeout) {
                try (PreparedStatement select = connection.prepareStatement(SELECT)) {
                    applyTimeout(select, timeout);
                    select.setString(1, key);
                    try (ResultSet rs = select.executeQuery()) {
                        return rs.next() ? LockAndGetResult.locked(rs.getBytes(1)) : LockAndGetResult.notLocked();
                    }
                } catch (SQLException e) {
                    throw new BucketExceptions.BucketExecutionException(e);
                }
            }

            @Override
            public boolean tryInsertEmptyData(Optional<Long> timeout) {
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    applyTimeout(insert, timeout);
                    insert.setString(1, key);
                    return insert.executeUpdate() > 0;
                } catch (SQLException e) {
                    throw new BucketExceptions.BucketExecutionException(e);
                }
            }

            @Override
            public void update(byte[] data, RemoteBucketState state, Optional<Long> timeout) {
                try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
                    applyTimeout(update, timeout);
                    update.setBytes(1, data);
                    Optional<Long> ttl = getClientSideConfig()
                            .getExpirationAfterWriteStrategy()
                            .map(s -> s.calculateTimeToLiveMillis(state, currentTimeNanos()));
                    if (ttl.isPresent()) {
                        update.setLong(2, System.currentTimeMillis() + ttl.get());
                    } else {
                        update.setNull(2, java.sql.Types.BIGINT);
                    }
                    update.setString(3, key);
                    update.executeUpdate();
                } catch (SQLException e) {
                    throw new BucketExceptions.BucketExecutionException(e);
                }
            }

            @Override
            public void release() {
                run(connection::close);
            }

            private void run(SqlAction action) {
                try {
                    action.run();
                } catch (SQLException e) {
                    throw new BucketExceptions.BucketExecutionException(e);
                }
            }
        };
    }

    @Override
    public void removeProxy(String key) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement(DELETE)) {
            delete.setString(1, key);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
    }

    @Override
    public int removeExpired(int batchSize) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement(DELETE_EXPIRED)) {
            delete.setLong(1, System.currentTimeMillis());
            delete.setInt(2, batchSize);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
    }

    private interface SqlAction {
        void run() throws SQLException;
    }
}
