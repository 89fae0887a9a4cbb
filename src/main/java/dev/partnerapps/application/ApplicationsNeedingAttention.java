package dev.partnerapps.application;

import dev.partnerapps.company.PartnerUser;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the home page shows staff and developers first: applications waiting for review, and a
 * company's applications that were rejected or still wait. A few rows each, never a whole list —
 * the full, paged lists are a link away (docs/lists.md).
 */
@Service
public class ApplicationsNeedingAttention {

    /** Rows shown per list; one more is read to know whether to offer the whole list. */
    public static final int SHOWN = 5;

    /** One application in a home-page list; {@code more} says the list has further rows. */
    public record Item(String key, String name, String publisher, ReviewState review, String comment, Instant updatedAt) {
    }

    /** At most {@link #SHOWN} rows and whether there are more. */
    public record Few(List<Item> items, boolean more) {

        static Few of(List<Item> read) {
            return new Few(read.stream().limit(SHOWN).toList(), read.size() > SHOWN);
        }

        public boolean isEmpty() {
            return items.isEmpty();
        }
    }

    private static final RowMapper<Item> ITEM = (rs, i) -> new Item(rs.getString("client_key"), rs.getString("name"),
            rs.getString("publisher"), ReviewState.valueOf(rs.getString("review_state")), rs.getString("review_comment"),
            rs.getTimestamp("updated_at").toInstant());

    private final JdbcTemplate jdbc;

    ApplicationsNeedingAttention(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Staff: the review queue, the longest waiting first (index on review state and time). */
    @Transactional(readOnly = true)
    public Few waitingForReview(PartnerUser staff) {
        if (!staff.isPlatformStaff()) {
            return new Few(List.of(), false);
        }
        return Few.of(jdbc.query("""
                select a.client_key, a.name, c.name as publisher, a.review_state, a.review_comment, a.updated_at
                from partner_applications a join companies c on c.id = a.owner_company_id
                where a.review_state = 'SUBMITTED'
                order by a.updated_at, a.id
                limit ?""", ITEM, SHOWN + 1));
    }

    /** A developer's company: rejected applications and those still waiting, the latest first. */
    @Transactional(readOnly = true)
    public Few rejectedOrWaiting(PartnerUser developer) {
        if (!developer.isPartnerDeveloper()) {
            return new Few(List.of(), false);
        }
        return Few.of(jdbc.query("""
                select a.client_key, a.name, c.name as publisher, a.review_state, a.review_comment, a.updated_at
                from partner_applications a join companies c on c.id = a.owner_company_id
                where a.owner_company_id = ? and a.review_state in ('REJECTED', 'SUBMITTED')
                order by a.updated_at desc, a.id desc
                limit ?""", ITEM, developer.getCompanyId(), SHOWN + 1));
    }
}
