package dev.partnerapps.authserver;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes what can no longer be used: expired grants, replaced refresh tokens and revocations. */
@Component
class ExpiredGrantsCleanup {

    private static final Logger log = LoggerFactory.getLogger(ExpiredGrantsCleanup.class);
    /** An authorization request that never got a code, or a code never exchanged, is dropped after this. */
    private static final Duration ABANDONED = Duration.ofDays(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ExpiredGrantsCleanup(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void deleteExpired() {
        Timestamp now = Timestamp.from(Instant.now(clock));
        Timestamp abandoned = Timestamp.from(Instant.now(clock).minus(ABANDONED));
        int grants = jdbc.update("""
                delete from oauth_authorizations
                where refresh_expires_at < ? or (refresh_hash is null and created_at < ?)
                """, now, abandoned);
        int replaced = jdbc.update("delete from oauth_replaced_refresh_tokens where expires_at < ?", now);
        int revoked = jdbc.update("delete from oauth_revoked_access_tokens where expires_at < ?", now);
        if (grants + replaced + revoked > 0) {
            log.info("Deleted {} expired grants, {} replaced refresh tokens, {} revocations", grants, replaced, revoked);
        }
    }
}
