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

    private final GrantDeletions grants;
    private final RefreshPolicy refresh;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ExpiredGrantsCleanup(GrantDeletions grants, RefreshPolicy refresh, JdbcTemplate jdbc, Clock clock) {
        this.grants = grants;
        this.refresh = refresh;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void deleteExpired() {
        Instant now = clock.instant();
        int expired = grants.expired(now, now.minus(ABANDONED));
        int replaced = refresh.forgetExpired(now);
        int revoked = jdbc.update("delete from oauth_revoked_access_tokens where expires_at < ?", Timestamp.from(now));
        if (expired + replaced + revoked > 0) {
            log.info("Deleted {} expired grants, {} replaced refresh tokens, {} revocations", expired, replaced, revoked);
        }
    }
}
