package dev.partnerapps.company;

import dev.partnerapps.company.SignInRefusedException.Reason;
import dev.partnerapps.company.SignInThrottleProperties.Limits;
import dev.partnerapps.errors.ThrottledRequests;
import dev.partnerapps.paging.ListPage;
import dev.partnerapps.paging.PageQuery;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed sign-ins per account and per client address, in the database so that every instance
 * sees the same count (docs/throttling.md). Beyond a few free failures each further one makes
 * the next attempt wait, twice as long each time; then the account or address is locked for a
 * while. An attempt during a wait or lock is refused before its password is checked, so it costs
 * no bcrypt: holding threads asleep would have been a lever for attackers, refusing is not.
 *
 * <p>Unknown emails are counted and locked like real ones: the answers never tell whether an
 * account exists.
 */
@Component
class SignInThrottle {

    enum Kind { ACCOUNT, ADDRESS }

    /** One row of staff's Sign-in Locks list. */
    record Entry(Kind kind, String subject, int failures, Instant lastFailureAt, Instant waitUntil,
            Instant lockedUntil) {

        public boolean locked(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final SignInThrottleProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    SignInThrottle(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ApplicationEventPublisher events,
            SignInThrottleProperties properties, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        // Registered up front, so a dashboard's rate() has a series before the first refusal.
        List.of("sign_in_address", "sign_in_account").forEach(this::counter);
    }

    /** A refusal if the account or the address must not try now. */
    Optional<SignInRefusedException> refusal(String email, String address) {
        Instant now = clock.instant();
        List<Entry> entries = jdbc.query("select * from sign_in_throttles where (kind = 'ACCOUNT' and subject = ?)"
                + " or (kind = 'ADDRESS' and subject = ?)", SignInThrottle::entry, account(email), address(address));
        Optional<SignInRefusedException> refusal = refusalOf(entries, now, false);
        refusal.ifPresent(this::countThrottled);
        return refusal;
    }

    /**
     * Counts a failed sign-in for the account and the address; the refusal, if this failure
     * makes the next attempt wait or locked the account or address.
     */
    Optional<SignInRefusedException> failed(String email, String address) {
        Instant now = clock.instant();
        List<Entry> after = new ArrayList<>();
        after.add(count(Kind.ACCOUNT, account(email), now, properties.account()));
        if (address != null) {
            after.add(count(Kind.ADDRESS, address(address), now, properties.address()));
        }
        return refusalOf(after, now, true);
    }

    /** A successful sign-in forgets the account's failures (not the address's: see docs/throttling.md). */
    void succeeded(String email) {
        jdbc.update("delete from sign_in_throttles where kind = 'ACCOUNT' and subject = ?", account(email));
    }

    /** Current locks (or, with {@code all}, every account and address with recent failures), newest first. */
    ListPage<Entry> find(PageQuery query, boolean all) {
        StringBuilder where = new StringBuilder(" where ");
        List<Object> args = new ArrayList<>();
        if (all) {
            where.append("last_failure_at >= ?");
            args.add(Timestamp.from(clock.instant().minus(properties.window())));
        } else {
            where.append("locked_until > ?");
            args.add(Timestamp.from(clock.instant()));
        }
        if (query.hasSearch()) {
            where.append(" and lower(subject) like ? escape '\\'");
            args.add(query.containsPattern());
        }
        Long total = jdbc.queryForObject("select count(*) from sign_in_throttles" + where, Long.class, args.toArray());
        args.add(query.limit());
        args.add(query.offset());
        String order = all ? "last_failure_at desc" : "locked_until desc";
        List<Entry> rows = jdbc.query("select * from sign_in_throttles" + where + " order by " + order
                + ", kind, subject limit ? offset ?", SignInThrottle::entry, args.toArray());
        return new ListPage<>(rows, query, total == null ? 0 : total, query.hasSearch());
    }

    /** Staff clear a lock (and the failures behind it); false if there was nothing to clear. */
    boolean clear(Actor staff, Kind kind, String subject) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            int deleted = jdbc.update("delete from sign_in_throttles where kind = ? and subject = ?", kind.name(), subject);
            if (deleted == 0) {
                return false;
            }
            events.publishEvent(new SignInUnlocked(staff, kind.name(), subject, companyOf(kind, subject)));
            return true;
        }));
    }

    /** Forgets accounts and addresses that have been quiet for a window and are not locked. */
    @Scheduled(fixedDelayString = "${partnerapps.throttling.sign-in.cleanup-interval:PT5M}", initialDelay = 60_000)
    void forgetQuietOnes() {
        Instant now = clock.instant();
        jdbc.update("delete from sign_in_throttles where last_failure_at < ? and (locked_until is null or locked_until < ?)",
                Timestamp.from(now.minus(properties.window())), Timestamp.from(now));
    }

    private Entry count(Kind kind, String subject, Instant now, Limits limits) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> countInTransaction(kind, subject, now, limits));
            } catch (DuplicateKeyException e) {
                // Another instance inserted the first failure at the same moment: count on its row.
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private Entry countInTransaction(Kind kind, String subject, Instant now, Limits limits) {
        List<Entry> rows = jdbc.query("select * from sign_in_throttles where kind = ? and subject = ? for update",
                SignInThrottle::entry, kind.name(), subject);
        Entry before = rows.isEmpty() ? null : rows.get(0);
        if (before != null && before.locked(now)) {
            return before; // locked meanwhile by a concurrent attempt; the lock stands as it is
        }
        boolean forgotten = before == null || before.lastFailureAt().isBefore(now.minus(properties.window()));
        int failures = forgotten ? 1 : before.failures() + 1;
        Instant lockedUntil = null;
        Instant waitUntil = null;
        if (failures >= limits.lockAfter()) {
            lockedUntil = now.plus(limits.lockFor());
        } else {
            Duration delay = properties.delayAfter(failures, limits);
            waitUntil = delay.isZero() ? null : now.plus(delay);
        }
        if (before == null) {
            jdbc.update("insert into sign_in_throttles (kind, subject, failures, first_failure_at, last_failure_at,"
                    + " wait_until, locked_until) values (?, ?, ?, ?, ?, ?, ?)", kind.name(), subject, failures,
                    Timestamp.from(now), Timestamp.from(now), timestamp(waitUntil), timestamp(lockedUntil));
        } else {
            // A count that starts again starts its window now.
            jdbc.update("update sign_in_throttles set failures = ?, last_failure_at = ?, wait_until = ?, locked_until = ?,"
                    + " first_failure_at = case when ? then ? else first_failure_at end where kind = ? and subject = ?",
                    failures, Timestamp.from(now), timestamp(waitUntil), timestamp(lockedUntil), forgotten,
                    Timestamp.from(now), kind.name(), subject);
        }
        if (lockedUntil != null) {
            events.publishEvent(new SignInLocked(kind.name(), subject, companyOf(kind, subject), failures, lockedUntil));
        }
        return new Entry(kind, subject, failures, now, waitUntil, lockedUntil);
    }

    private Optional<SignInRefusedException> refusalOf(List<Entry> entries, Instant now, boolean afterFailure) {
        SignInRefusedException refusal = null;
        for (Entry entry : entries) {
            if (entry.locked(now)) {
                Reason reason = entry.kind() == Kind.ACCOUNT ? Reason.ACCOUNT_LOCKED : Reason.ADDRESS_LOCKED;
                if (refusal == null || refusal.reason() == Reason.WAIT || entry.lockedUntil().isAfter(refusal.until())) {
                    refusal = new SignInRefusedException(reason, entry.lockedUntil(), afterFailure);
                }
            } else if (entry.waitUntil() != null && entry.waitUntil().isAfter(now)
                    && (refusal == null || refusal.reason() == Reason.WAIT && entry.waitUntil().isAfter(refusal.until()))) {
                refusal = new SignInRefusedException(Reason.WAIT, entry.waitUntil(), afterFailure);
            }
        }
        return Optional.ofNullable(refusal);
    }

    private void countThrottled(SignInRefusedException refusal) {
        counter(refusal.reason() == Reason.ADDRESS_LOCKED ? "sign_in_address" : "sign_in_account").increment();
    }

    private Counter counter(String limit) {
        return ThrottledRequests.counter(meters, limit);
    }

    private Long companyOf(Kind kind, String subject) {
        if (kind != Kind.ACCOUNT) {
            return null;
        }
        List<Long> companies = jdbc.queryForList("select company_id from users where email = ?", Long.class, subject);
        return companies.isEmpty() ? null : companies.get(0);
    }

    /** The normalised email, as users are stored; control characters removed, at most 254 characters. */
    static String account(String email) {
        return bounded(Emails.normalize(email));
    }

    private static String address(String address) {
        return bounded(address == null ? "" : address);
    }

    private static String bounded(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "");
        return clean.length() > 254 ? clean.substring(0, 254) : clean;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(Kind.valueOf(rs.getString("kind")), rs.getString("subject"), rs.getInt("failures"),
                instant(rs, "last_failure_at"), instant(rs, "wait_until"), instant(rs, "locked_until"));
    }
}
