package dev.partnerapps.usage;

import dev.partnerapps.usage.UsageRecorder.DayKey;
import dev.partnerapps.usage.UsageRecorder.UseKey;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds what {@link UsageRecorder} counted to the database every {@code partnerapps.usage.flush-interval}
 * and once more at shutdown, after the web server stopped taking requests (docs/architecture.md, "Usage").
 *
 * <p>One transaction per flush adds each counter's delta to its row ({@code count = count + delta})
 * and moves last-used times forward only, so instances add up instead of overwriting each other.
 * Counts are never lost and never added twice: a batch stays in memory until its transaction
 * committed, and the transaction also records the batch's id, so a batch whose commit answer was
 * lost (the database went away at that moment) is looked up before it is written again. While the
 * database is away, new counts gather in one more batch behind the unwritten one.
 */
@Component
class UsageFlush implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UsageFlush.class);

    /** Standard MERGE, the same on H2 and PostgreSQL 15; a row two instances insert at once is retried. */
    private static final String ADD_COUNT = """
            merge into usage_daily u
            using (select cast(? as date) as usage_day, cast(? as bigint) as application_id, cast(? as bigint) as company_id,
                          cast(? as varchar(16)) as kind, cast(? as varchar(64)) as detail, cast(? as bigint) as count) d
            on u.application_id = d.application_id and u.usage_day = d.usage_day and u.company_id = d.company_id
               and u.kind = d.kind and u.detail = d.detail
            when matched then update set count = u.count + d.count
            when not matched then insert (usage_day, application_id, company_id, kind, detail, count)
                 values (d.usage_day, d.application_id, d.company_id, d.kind, d.detail, d.count)
            """;
    private static final String MOVE_LAST_USED = """
            merge into last_used l
            using (select cast(? as varchar(16)) as kind, cast(? as varchar(320)) as ref,
                          cast(? as timestamp) as last_used_at) n
            on l.kind = n.kind and l.ref = n.ref
            when matched and l.last_used_at < n.last_used_at then update set last_used_at = n.last_used_at
            when not matched then insert (kind, ref, last_used_at) values (n.kind, n.ref, n.last_used_at)
            """;
    /** Rows in one order on every instance, so two flushes wait for each other instead of deadlocking. */
    private static final Comparator<DayKey> COUNT_ORDER = Comparator.comparingLong(DayKey::applicationId)
            .thenComparingLong(DayKey::day).thenComparingLong(DayKey::companyId)
            .thenComparing(DayKey::kind).thenComparing(DayKey::detail);
    private static final Comparator<Map.Entry<String[], Long>> USE_ORDER = Comparator
            .comparing((Map.Entry<String[], Long> e) -> e.getKey()[0]).thenComparing(e -> e.getKey()[1]);

    private final UsageRecorder recorder;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TaskScheduler scheduler;
    private final UsageProperties properties;
    private final Clock clock;
    private final ReentrantLock flushing = new ReentrantLock();
    /** Guarded by {@link #flushing}: the oldest first; at most one written-maybe batch and one new one. */
    private final Deque<Batch> unwritten = new ArrayDeque<>();
    private volatile ScheduledFuture<?> schedule;

    UsageFlush(UsageRecorder recorder, JdbcTemplate jdbc, TransactionTemplate transaction, TaskScheduler scheduler,
            UsageProperties properties, Clock clock) {
        this.recorder = recorder;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.scheduler = scheduler;
        this.properties = properties;
        this.clock = clock;
    }

    /** Adds everything counted so far; true if nothing is left unwritten. */
    boolean flush() {
        flushing.lock();
        try {
            Batch tail = unwritten.peekLast();
            Batch fresh = tail != null && !tail.tried ? tail : new Batch();
            recorder.drainInto(fresh.counts, fresh.lastUses);
            if (fresh != tail && !fresh.isEmpty()) {
                unwritten.addLast(fresh);
            }
            while (!unwritten.isEmpty()) {
                Batch batch = unwritten.peekFirst();
                if (!write(batch)) {
                    return false;
                }
                unwritten.removeFirst();
            }
            return true;
        } finally {
            flushing.unlock();
        }
    }

    private boolean write(Batch batch) {
        try {
            if (batch.tried && alreadyWritten(batch)) {
                return true;
            }
            batch.tried = true;
            try {
                writeOnce(batch);
            } catch (DataIntegrityViolationException | TransientDataAccessException e) {
                // Another instance inserted one of our new rows first (or a lock wait gave up):
                // nothing of this transaction stayed, and now the row is there to be added to.
                writeOnce(batch);
            }
            return true;
        } catch (RuntimeException e) {
            // The database is away (no connection, or the commit's answer lost): try again next time.
            log.warn("Usage counts not written, kept for the next flush: {}", e.toString());
            return false;
        }
    }

    private boolean alreadyWritten(Batch batch) {
        Long found = jdbc.queryForObject("select count(*) from usage_flushes where batch_id = ?", Long.class, batch.id);
        return found != null && found > 0;
    }

    private void writeOnce(Batch batch) {
        List<Object[]> counts = batch.counts.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(COUNT_ORDER))
                .map(e -> new Object[] {Date.valueOf(LocalDate.ofEpochDay(e.getKey().day())), e.getKey().applicationId(),
                        e.getKey().companyId(), e.getKey().kind(), e.getKey().detail(), e.getValue()})
                .toList();
        List<Object[]> lastUses = batch.lastUses.entrySet().stream()
                .map(e -> Map.entry(new String[] {e.getKey().kind(), e.getKey().ref()}, e.getValue()))
                .sorted(USE_ORDER)
                .map(e -> new Object[] {e.getKey()[0], e.getKey()[1], Timestamp.from(Instant.ofEpochMilli(e.getValue()))})
                .toList();
        transaction.executeWithoutResult(status -> {
            if (!counts.isEmpty()) {
                jdbc.batchUpdate(ADD_COUNT, counts);
            }
            if (!lastUses.isEmpty()) {
                jdbc.batchUpdate(MOVE_LAST_USED, lastUses);
            }
            jdbc.update("insert into usage_flushes (batch_id, flushed_at) values (?, ?)", batch.id,
                    Timestamp.from(Instant.now(clock)));
        });
    }

    @Override
    public void start() {
        schedule = scheduler.scheduleWithFixedDelay(this::flush, properties.flushInterval());
    }

    /** After the web server stopped (a lower phase stops later): the last requests' counts are written too. */
    @Override
    public void stop() {
        ScheduledFuture<?> scheduled = schedule;
        schedule = null;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        if (!flush()) {
            log.warn("Usage counts of the last {} could not be written at shutdown", properties.flushInterval());
        }
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }

    @Override
    public int getPhase() {
        return 0;
    }

    /** Counts and last uses taken from the recorder together, written in one transaction. */
    private static final class Batch {

        final String id = UUID.randomUUID().toString();
        final Map<DayKey, Long> counts = new HashMap<>();
        final Map<UseKey, Long> lastUses = new HashMap<>();
        /** A write was started: it may have committed even if it seemed to fail. */
        boolean tried;

        boolean isEmpty() {
            return counts.isEmpty() && lastUses.isEmpty();
        }
    }
}
