package dev.partnerapps.company;

import dev.partnerapps.paging.ListPage;
import dev.partnerapps.paging.PageQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The Users and Permissions list of one company: searched by email, filtered by role and status,
 * sorted and paged in the database (docs/lists.md).
 */
@Component
class UserSearch {

    /** The role filter: what the Permissions column shows. */
    enum Role { COMPANY_ADMINISTRATOR, WEB_SERVICES_ADMINISTRATOR, EMPLOYEE }

    static final Map<String, String> SORTS = Map.of("email", "u.email", "status", "u.enabled");

    static final Set<String> SORT_NAMES = SORTS.keySet();

    private static final String COMPANY_ADMIN = "exists (select 1 from user_permissions p where p.user_id = u.id"
            + " and p.permission = 'COMPANY_ADMINISTRATOR')";
    private static final String WEB_SERVICES_ADMIN = "exists (select 1 from user_permissions p where p.user_id = u.id"
            + " and p.permission = 'WEB_SERVICES_ADMINISTRATOR')";

    private final JdbcTemplate jdbc;

    UserSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    ListPage<UserRow> find(long companyId, long currentUserId, Role role, Boolean enabled, PageQuery query) {
        StringBuilder where = new StringBuilder(" where u.company_id = ?");
        List<Object> args = new ArrayList<>(List.of(companyId));
        if (role == Role.COMPANY_ADMINISTRATOR) {
            where.append(" and ").append(COMPANY_ADMIN);
        } else if (role == Role.WEB_SERVICES_ADMINISTRATOR) {
            where.append(" and not ").append(COMPANY_ADMIN).append(" and ").append(WEB_SERVICES_ADMIN);
        } else if (role == Role.EMPLOYEE) {
            where.append(" and not exists (select 1 from user_permissions p where p.user_id = u.id)");
        }
        if (enabled != null) {
            where.append(" and u.enabled = ?");
            args.add(enabled);
        }
        if (query.hasSearch()) {
            // Emails are stored lower-cased; the trigram index of docs/lists.md serves this on PostgreSQL.
            where.append(" and u.email like ? escape '\\'");
            args.add(query.containsPattern());
        }
        Long total = jdbc.queryForObject("select count(*) from users u" + where, Long.class, args.toArray());
        args.add(query.limit());
        args.add(query.offset());
        List<UserRow> rows = jdbc.query("select u.id, u.email, u.enabled, " + COMPANY_ADMIN + " as company_admin, "
                + WEB_SERVICES_ADMIN + " as web_services_admin from users u" + where
                + " order by " + SORTS.get(query.sort()) + " " + query.direction() + ", u.email, u.id"
                + " limit ? offset ?",
                (rs, i) -> new UserRow(rs.getLong("id"), rs.getString("email"), rs.getBoolean("company_admin"),
                        rs.getBoolean("web_services_admin"), rs.getBoolean("enabled"),
                        rs.getLong("id") == currentUserId),
                args.toArray());
        return new ListPage<>(rows, query, total == null ? 0 : total,
                query.hasSearch() || role != null || enabled != null);
    }
}
