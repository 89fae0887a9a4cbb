package dev.partnerapps.authserver;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.DatabaseMetaData;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the caches of every instance honest. A change that affects token decisions increments
 * one database counter in its own transaction; each instance polls the counter and, when it
 * moved, starts a new cache generation. The instance that made the change does so right after
 * its commit. A value read under an older generation is never cached (see {@link #generation()}).
 *
 * <p>On PostgreSQL the change also sends a notification, which PostgreSQL delivers only when the
 * transaction commits; {@link ChangeNotifications} hears it on every instance within
 * milliseconds. The poll stays as the fallback for a lost listener connection, and is the only
 * way on H2. The caches this keeps honest, and every change that moves it: docs/architecture.md,
 * "Caches and how they are invalidated".
 */
@Component
class ChangeEpoch implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ChangeEpoch.class);

    /** The PostgreSQL notification channel every instance listens on. */
    static final String CHANNEL = "partnerapps_changes";

    private final JdbcTemplate jdbc;
    private final boolean postgresql;
    private final AtomicLong generation = new AtomicLong();
    private volatile long seenEpoch;
    private final Counter localChanges;
    private final Counter polledChanges;
    private final Counter notifiedChanges;
    private final Counter resyncs;
    private final Duration outageGrace;
    private final Duration pollInterval;
    /** System.nanoTime() of the last successful read of the epoch. */
    private volatile long lastReadNanos = System.nanoTime();
    private volatile boolean unreachable;

    ChangeEpoch(JdbcTemplate jdbc, MeterRegistry meters, OAuthProperties properties,
            @Value("${partnerapps.oauth.outage-grace:60s}") Duration outageGrace) {
        this.jdbc = jdbc;
        this.outageGrace = outageGrace;
        this.pollInterval = properties.cachePollInterval();
        this.postgresql = isPostgresql(jdbc);
        this.seenEpoch = readEpoch();
        this.localChanges = invalidations(meters, "local_change");
        this.polledChanges = invalidations(meters, "poll");
        this.notifiedChanges = invalidations(meters, "notification");
        this.resyncs = invalidations(meters, "resync");
    }

    /** How often, and why, the caches were dropped: a burst of resyncs means the database or listener is unwell. */
    private static Counter invalidations(MeterRegistry meters, String cause) {
        return Counter.builder("partnerapps.cache.invalidations")
                .description("New cache generations started, by cause: a change here, the poll, a notification, "
                        + "or a resync after the database or the listener was unavailable")
                .tag("cause", cause)
                .register(meters);
    }

    /** Polls every {@code partnerapps.oauth.cache-poll-interval}, as {@link OAuthProperties} reads it. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(this::poll, pollInterval);
    }

    /** Whether changes are also announced by PostgreSQL notifications. */
    boolean notifies() {
        return postgresql;
    }

    /** Whether the database is PostgreSQL (read once at start-up). */
    boolean postgresql() {
        return postgresql;
    }

    /** Whether the last read of the epoch failed: the database is away (or unreachable from here). */
    boolean databaseUnreachable() {
        return unreachable;
    }

    /** The current cache generation: read it before loading a value, cache the value only if unchanged. */
    long generation() {
        return generation.get();
    }

    /** Records a change inside the caller's transaction and drops local caches once it commits. */
    void changed() {
        jdbc.update("update change_epoch set epoch = epoch + 1 where id = 1");
        if (postgresql) {
            jdbc.query("select pg_notify(?, '')", (RowCallbackHandler) row -> { }, CHANNEL);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    generation.incrementAndGet();
                }
            });
        }
        generation.incrementAndGet();
        localChanges.increment();
    }

    /** A notification announced a change (possibly our own): drop every cache. */
    void notified() {
        generation.incrementAndGet();
        notifiedChanges.increment();
    }

    /** The announcements may have been missed: drop every cache. */
    void somethingChanged() {
        generation.incrementAndGet();
        resyncs.increment();
    }

    /**
     * Reads the epoch. While the database cannot be read, the caches keep the last state they
     * read, for up to {@code partnerapps.oauth.outage-grace} (README, "When the database is
     * away"): every change goes through the database, so none can happen while it is away, and
     * client_credentials tokens for applications already seen keep being issued. Past the grace
     * the caches are dropped; when the database answers again everything is read afresh, since
     * changes made from instances that could still reach it were not announced to this one.
     */
    void poll() {
        long epoch;
        try {
            epoch = readEpoch();
        } catch (RuntimeException e) {
            if (!unreachable) {
                unreachable = true;
                log.warn("Could not read the change epoch ({}); serving from what was last read for up to {}",
                        e.getClass().getSimpleName(), outageGrace);
            }
            if (System.nanoTime() - lastReadNanos > outageGrace.toNanos()) {
                generation.incrementAndGet();
                resyncs.increment();
            }
            return;
        }
        lastReadNanos = System.nanoTime();
        if (unreachable) {
            unreachable = false;
            seenEpoch = epoch;
            generation.incrementAndGet();
            resyncs.increment();
            log.info("The change epoch is readable again; caches start afresh");
        } else if (epoch != seenEpoch) {
            seenEpoch = epoch;
            generation.incrementAndGet();
            polledChanges.increment();
        }
    }

    private static boolean isPostgresql(JdbcTemplate jdbc) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(jdbc.getDataSource(),
                    DatabaseMetaData::getDatabaseProductName);
            return "PostgreSQL".equals(product);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Could not tell which database this is", e);
        }
    }

    private long readEpoch() {
        Long epoch = jdbc.queryForObject("select epoch from change_epoch where id = 1", Long.class);
        return epoch == null ? 0 : epoch;
    }
}
