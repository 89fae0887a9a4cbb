package dev.partnerapps.usage;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code partnerapps.usage.retention-days} of usage (docs/product.md): once a day, and a few
 * minutes after each start, deletes older days. Every instance runs it; a second run finds nothing.
 */
@Component
class UsageRetention {

    private static final Logger log = LoggerFactory.getLogger(UsageRetention.class);
    /** Batch ids only need to outlive a database outage, to tell whether a lost commit happened. */
    private static final Duration FLUSH_RECORDS = Duration.ofDays(7);

    private final JdbcTemplate jdbc;
    private final UsageProperties properties;
    private final Clock clock;

    UsageRetention(JdbcTemplate jdbc, UsageProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT24H")
    void deleteOldDays() {
        Instant now = Instant.now(clock);
        LocalDate oldestKept = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(properties.retentionDays() - 1L);
        int days = jdbc.update("delete from usage_daily where usage_day < ?", Date.valueOf(oldestKept));
        jdbc.update("delete from usage_flushes where flushed_at < ?", Timestamp.from(now.minus(FLUSH_RECORDS)));
        if (days > 0) {
            log.info("Deleted {} usage rows of days before {}", days, oldestKept);
        }
    }
}
