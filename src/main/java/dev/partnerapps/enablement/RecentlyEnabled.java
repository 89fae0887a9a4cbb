package dev.partnerapps.enablement;

import dev.partnerapps.company.PartnerUser;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applications an admin's company enabled most recently, for the home page: a few rows read
 * through the company's index, never the whole list (docs/lists.md).
 */
@Service
public class RecentlyEnabled {

    public static final int SHOWN = 5;

    public record Item(String key, String name, String publisher, Instant enabledAt) {
    }

    public record Few(List<Item> items, boolean more) {

        public boolean isEmpty() {
            return items.isEmpty();
        }
    }

    private final JdbcTemplate jdbc;

    RecentlyEnabled(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Few of(PartnerUser admin) {
        if (!admin.isWebServicesAdministrator()) {
            return new Few(List.of(), false);
        }
        List<Item> read = jdbc.query("""
                select a.client_key, a.name, c.name as publisher, e.changed_at
                from application_enablements e
                join partner_applications a on a.id = e.application_id
                join companies c on c.id = a.owner_company_id
                where e.company_id = ? and e.enabled and a.active
                order by e.changed_at desc, e.application_id desc
                limit ?""", (rs, i) -> new Item(rs.getString("client_key"), rs.getString("name"),
                rs.getString("publisher"), rs.getTimestamp("changed_at").toInstant()),
                admin.getCompanyId(), SHOWN + 1);
        return new Few(read.stream().limit(SHOWN).toList(), read.size() > SHOWN);
    }
}
