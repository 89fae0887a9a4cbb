package dev.partnerapps.application;

import dev.partnerapps.company.PartnerUser;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications whose current Secret expires within {@link #WARNING} or has expired, for the
 * warnings on the Application Registration list and the home page (docs/product.md section 2).
 * The current Secret is the one without an end: New Secret ends every other one.
 */
@Service
public class ExpiringSecrets {

    /** How long before its expiry a Secret is warned about. */
    public static final Duration WARNING = Duration.ofDays(14);

    /** Rows shown on the home page; one more is read to know whether to say there are more. */
    static final int SHOWN = 5;

    /** One application's current Secret that expires soon ({@code expired}: already). */
    public record Item(long applicationId, String key, String name, Instant expiresAt, boolean expired) {
    }

    /** At most {@link #SHOWN} items, the soonest first, and whether there are more. */
    public record Few(List<Item> items, boolean more) {

        public boolean isEmpty() {
            return items.isEmpty();
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ExpiringSecrets(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A developer's company's applications whose Secret expires soon, the soonest first. */
    @Transactional(readOnly = true)
    public Few of(PartnerUser developer) {
        if (!developer.isPartnerDeveloper()) {
            return new Few(List.of(), false);
        }
        Instant now = Instant.now(clock);
        List<Item> read = jdbc.query("""
                select a.id, a.client_key, a.name, s.expires_at
                from partner_applications a join application_secrets s on s.application_id = a.id
                where a.owner_company_id = ? and s.ends_at is null and s.expires_at <= ?
                order by s.expires_at, a.id
                limit ?""", (rs, i) -> item(rs.getLong("id"), rs.getString("client_key"), rs.getString("name"),
                rs.getTimestamp("expires_at").toInstant(), now),
                developer.getCompanyId(), Timestamp.from(now.plus(WARNING)), SHOWN + 1);
        return new Few(read.stream().limit(SHOWN).toList(), read.size() > SHOWN);
    }

    /** For one page of a list: application id to its warning, for those of {@code applicationIds} that have one. */
    @Transactional(readOnly = true)
    Map<Long, Item> amongst(Collection<Long> applicationIds) {
        if (applicationIds.isEmpty()) {
            return Map.of();
        }
        Instant now = Instant.now(clock);
        Map<Long, Item> items = new HashMap<>();
        jdbc.query("select s.application_id, s.expires_at from application_secrets s where s.ends_at is null"
                        + " and s.expires_at <= ? and s.application_id in ("
                        + String.join(",", applicationIds.stream().map(id -> "?").toList()) + ")",
                rs -> {
                    long id = rs.getLong("application_id");
                    items.put(id, item(id, null, null, rs.getTimestamp("expires_at").toInstant(), now));
                },
                Stream.concat(Stream.of(Timestamp.from(now.plus(WARNING))),
                        applicationIds.stream()).toArray());
        return items;
    }

    private static Item item(long id, String key, String name, Instant expiresAt, Instant now) {
        return new Item(id, key, name, expiresAt, !now.isBefore(expiresAt));
    }
}
