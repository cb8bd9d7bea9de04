package org.dailypapers.shared;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.TimeZone;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What makes several instances one site: scheduled work runs on one instance at a time (ShedLock over the
 * {@code shedlock} table) and rate limits are counted in one place (Bucket4j over {@code rate_limit_bucket}), both in
 * the catalog database that every instance shares. See docs/deploy.md.
 *
 * <p>Every lock is held for at most {@code dailypapers.scheduling.lock-at-most-for} (one minute) and extended by a
 * keep-alive while its job runs, however long that is; an instance that is killed stops extending, so its lock runs
 * out within that minute and the next instance to try takes the work over.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "${dailypapers.scheduling.lock-at-most-for:PT1M}")
class FleetConfiguration {

    /** Rate-limit rows are dropped this long after their bucket would be full again. */
    private static final Duration BUCKET_KEPT_AFTER_FULL = Duration.ofMinutes(1);

    /** Tells apart two contexts of one JVM (as in tests) in the {@code shedlock} table. */
    private static final String INSTANCE_SUFFIX =
            java.util.UUID.randomUUID().toString().substring(0, 8);

    /**
     * The thread that extends held locks. Not a ScheduledExecutorService bean: Spring would take that for the
     * scheduler of every {@code @Scheduled} method.
     */
    static final class LockKeepAlive implements AutoCloseable {
        final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("lock-keep-alive").daemon(true).factory());

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }

    @Bean
    LockKeepAlive lockKeepAlive() {
        return new LockKeepAlive();
    }

    @Bean
    LockProvider lockProvider(DataSource dataSource, DailyPapersProperties properties, LockKeepAlive keepAlive) {
        return new KeepAliveLockProvider(
                jdbcLockProvider(dataSource, properties.embeddedDatabase(), instanceName()), keepAlive.executor);
    }

    /** The locks' table through JDBC, as every instance sharing the database sees it. */
    static JdbcTemplateLockProvider jdbcLockProvider(DataSource dataSource, boolean sqlite, String lockedBy) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        var config = JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(template)
                .withTableName("shedlock")
                .withLockedByValue(lockedBy);
        if (sqlite) {
            // SQLite: the instances share one machine's clock; timestamps are written in UTC.
            config.withTimeZone(TimeZone.getTimeZone("UTC"));
            // ShedLock inserts a lock's row first and updates it when the insert meets the row (a lock taken before
            // this process started); it knows that case by DuplicateKeyException, which Spring has no SQLite codes
            // to translate to. Untranslated, every lock whose row existed failed in a restarted process, forever.
            var fallback = template.getExceptionTranslator();
            template.setExceptionTranslator((task, sql, e) -> e.getErrorCode() == SQLITE_CONSTRAINT
                    ? new org.springframework.dao.DuplicateKeyException(task + ": " + e.getMessage(), e)
                    : fallback.translate(task, sql, e));
        } else {
            // PostgreSQL: the database's clock decides, so instances with skewed clocks cannot both hold a lock.
            config.usingDbTime();
        }
        return new JdbcTemplateLockProvider(config.build());
    }

    /** SQLite's result code of a violated constraint (the primary key of a lock's row, here). */
    private static final int SQLITE_CONSTRAINT = 19;

    @Bean
    LockingTaskExecutor lockingTaskExecutor(LockProvider lockProvider) {
        return new DefaultLockingTaskExecutor(lockProvider);
    }

    @Bean
    FleetLocks fleetLocks(LockingTaskExecutor executor) {
        return new FleetLocks(executor);
    }

    @Bean
    ProxyManager<String> rateLimitBuckets(DataSource dataSource, DailyPapersProperties properties) {
        ExpirationAfterWriteStrategy expiry =
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(BUCKET_KEPT_AFTER_FULL);
        if (properties.embeddedDatabase()) {
            return new SqliteBucketProxyManager(
                    dataSource, ClientSideConfig.getDefault().withExpirationAfterWriteStrategy(expiry));
        }
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(expiry)
                .build();
    }

    @Bean
    RateLimits rateLimits(ProxyManager<String> rateLimitBuckets) {
        return new RateLimits(rateLimitBuckets);
    }

    /** Names the holder of a lock in the {@code shedlock} table: process id and host, for whoever looks. */
    static String instanceName() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + INSTANCE_SUFFIX;
    }
}
