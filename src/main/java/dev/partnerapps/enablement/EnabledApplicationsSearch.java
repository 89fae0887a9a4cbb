package dev.partnerapps.enablement;

import dev.partnerapps.application.ApplicationDirectory;
import dev.partnerapps.paging.ListPage;
import dev.partnerapps.paging.PageQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The Enable Applications list (docs/lists.md): what a company may use — its own active
 * applications and every active Public one — with the publisher and the company's switch, the
 * company's own applications first. A read model: one SQL query over the applications,
 * companies and enablements tables, paged and counted in the database, because the page filters
 * and sorts on all three at once. The rule "own or Public, Active" is the one of
 * {@code ApplicationView.usableBy}; the writes stay with each module.
 */
@Component
class EnabledApplicationsSearch {

    static final Map<String, String> SORTS = Map.of(
            "name", "a.name_key",
            "publisher", "lower(c.name)",
            "status", "enabled");

    static final Set<String> SORT_NAMES = SORTS.keySet();

    private final JdbcTemplate jdbc;
    private final ApplicationDirectory applications;

    EnabledApplicationsSearch(JdbcTemplate jdbc, ApplicationDirectory applications) {
        this.jdbc = jdbc;
        this.applications = applications;
    }

    private record Row(long id, String key, String name, String description, String publisher, boolean own,
            boolean enabled) {
    }

    /** @param enabled only enabled (true) or only not enabled (false) applications; null for both */
    ListPage<EnabledApplication> find(long companyId, Boolean enabled, PageQuery query) {
        StringBuilder where = new StringBuilder(
                " where a.active = true and (a.owner_company_id = ? or a.visibility = 'PUBLIC')");
        List<Object> args = new ArrayList<>(List.of(companyId, companyId));
        if (enabled != null) {
            where.append(" and coalesce(e.enabled, false) = ?");
            args.add(enabled);
        }
        if (query.hasSearch()) {
            where.append(" and (a.name_key like ? escape '\\' or lower(c.name) like ? escape '\\')");
            args.add(query.containsPattern());
            args.add(query.containsPattern());
        }
        String from = " from partner_applications a join companies c on c.id = a.owner_company_id"
                + " left join application_enablements e on e.application_id = a.id and e.company_id = ?";
        Long total = jdbc.queryForObject("select count(*)" + from + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(query.limit());
        pageArgs.add(query.offset());
        List<Row> rows = jdbc.query("select a.id, a.client_key, a.name, a.description, c.name as publisher,"
                + " case when a.owner_company_id = ? then 1 else 0 end as own,"
                + " coalesce(e.enabled, false) as enabled" + from + where
                + " order by own desc, " + SORTS.get(query.sort()) + " " + query.direction() + ", a.id "
                + query.direction() + " limit ? offset ?",
                (rs, i) -> new Row(rs.getLong("id"), rs.getString("client_key"), rs.getString("name"),
                        rs.getString("description"), rs.getString("publisher"), rs.getInt("own") == 1,
                        rs.getBoolean("enabled")),
                prepend(companyId, pageArgs));
        Map<Long, List<String>> scopes = applications.scopesOf(rows.stream().map(Row::id).toList());
        List<EnabledApplication> page = rows.stream()
                .map(r -> new EnabledApplication(r.key(), r.name(), r.description(),
                        scopes.getOrDefault(r.id(), List.of()), r.publisher(), r.own(), r.enabled()))
                .toList();
        return new ListPage<>(page, query, total == null ? 0 : total, enabled != null || query.hasSearch());
    }

    private static Object[] prepend(Object first, List<Object> rest) {
        List<Object> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all.toArray();
    }
}
