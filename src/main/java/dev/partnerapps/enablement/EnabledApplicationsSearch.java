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

    private record Row(long id, String key, String name, String description, String publisher, boolean own) {
    }

    /** @param enabled only enabled (true) or only not enabled (false) applications; null for both */
    ListPage<EnabledApplication> find(long companyId, Boolean enabled, PageQuery query) {
        // Two parts, each read in its sort order and stopped after one page: the company's own
        // applications, then other companies' Public ones. One query sorted by "own first" would
        // have to sort all 10,000 candidates on every view.
        Part own = new Part("a.owner_company_id = ?", companyId, enabled, query);
        Part others = new Part("a.visibility = 'PUBLIC' and a.owner_company_id <> ?", companyId, enabled, query);
        long ownTotal = own.count();
        long total = ownTotal + others.count();
        List<Row> rows = new ArrayList<>();
        if (query.offset() < ownTotal) {
            rows.addAll(own.rows(query.limit(), query.offset()));
        }
        if (rows.size() < query.limit() && query.offset() + rows.size() < total) {
            rows.addAll(others.rows(query.limit() - rows.size(), Math.max(0, query.offset() - ownTotal)));
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<String>> scopes = applications.scopesOf(ids);
        Set<Long> on = enabledAmong(companyId, ids);
        List<EnabledApplication> page = rows.stream()
                .map(r -> new EnabledApplication(r.id(), r.key(), r.name(), r.description(),
                        scopes.getOrDefault(r.id(), List.of()), r.publisher(), r.own(), on.contains(r.id())))
                .toList();
        return new ListPage<>(page, query, total, enabled != null || query.hasSearch());
    }

    /** Which of a page's applications the company has switched on: one look-up by primary key each. */
    private Set<Long> enabledAmong(long companyId, List<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        String in = String.join(",", ids.stream().map(String::valueOf).toList());
        return Set.copyOf(jdbc.queryForList("select application_id from application_enablements where company_id = ?"
                + " and enabled = true and application_id in (" + in + ")", Long.class, companyId));
    }

    /** One part of the list: active applications matching {@code which}, the search and the status. */
    private final class Part {

        private final String where;
        private final List<Object> args = new ArrayList<>();
        private final long companyId;
        private final boolean searched;
        private final PageQuery query;

        Part(String which, long companyId, Boolean enabled, PageQuery query) {
            this.companyId = companyId;
            this.query = query;
            this.searched = query.hasSearch();
            StringBuilder where = new StringBuilder(" where a.active = true and ").append(which);
            args.add(companyId);
            if (enabled != null) {
                // exists, not a join: a join lets a cached generic plan guess "10 enablements per
                // company" and compare every application with every enablement (seconds at volume).
                where.append(enabled ? " and exists (" : " and not exists (").append(ENABLED).append(")");
                args.add(companyId);
            }
            if (searched) {
                where.append(" and (a.name_key like ? escape '\\' or lower(c.name) like ? escape '\\')");
                args.add(query.containsPattern());
                args.add(query.containsPattern());
            }
            this.where = where.toString();
        }

        /** Counts without the companies unless the search needs their names. */
        long count() {
            String from = " from partner_applications a" + (searched ? " join companies c on c.id = a.owner_company_id" : "");
            Long count = jdbc.queryForObject("select count(*)" + from + where, Long.class, args.toArray());
            return count == null ? 0 : count;
        }

        List<Row> rows(int limit, long offset) {
            List<Object> all = new ArrayList<>();
            all.add(companyId);
            if ("status".equals(query.sort())) {
                all.add(companyId);
            }
            all.addAll(args);
            all.add(limit);
            all.add(offset);
            return jdbc.query("select a.id, a.client_key, a.name, a.description, c.name as publisher,"
                    + " case when a.owner_company_id = ? then 1 else 0 end as own"
                    + ("status".equals(query.sort()) ? ", case when exists (" + ENABLED + ") then 1 else 0 end as enabled" : "")
                    + " from partner_applications a join companies c on c.id = a.owner_company_id" + where
                    + " order by " + SORTS.get(query.sort()) + " " + query.direction() + ", a.id " + query.direction()
                    + " limit ? offset ?",
                    (rs, i) -> new Row(rs.getLong("id"), rs.getString("client_key"), rs.getString("name"),
                            rs.getString("description"), rs.getString("publisher"), rs.getInt("own") == 1),
                    all.toArray());
        }
    }

    private static final String ENABLED = "select 1 from application_enablements e"
            + " where e.application_id = a.id and e.company_id = ? and e.enabled = true";
}
