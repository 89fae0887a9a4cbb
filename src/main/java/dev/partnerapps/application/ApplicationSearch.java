package dev.partnerapps.application;

import dev.partnerapps.paging.ListPage;
import dev.partnerapps.paging.PageQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The query behind the Application Registration and Review lists: filtered, sorted and paged in
 * the database, one page and one count per view (docs/lists.md). The publisher's name comes
 * from the companies table in the same query so that it can be searched and sorted.
 */
@Component
class ApplicationSearch {

    /** Sort columns a URL may ask for, and the SQL each means; {@code a.id} breaks ties. */
    static final Map<String, String> SORTS = Map.of(
            "name", "a.name_key",
            "publisher", "lower(c.name)",
            "updated", "a.updated_at",
            "review", "a.review_state");

    static final Set<String> SORT_NAMES = SORTS.keySet();

    /**
     * What to list. A null field does not filter.
     *
     * @param ownerCompanyId   only this company's applications
     * @param searchPublisher  whether the search text also matches the publisher's name
     */
    record Filter(Long ownerCompanyId, Boolean active, Visibility visibility, ReviewState review,
            boolean searchPublisher) {

        boolean narrows(PageQuery query) {
            return query.hasSearch() || active != null || visibility != null || review != null;
        }
    }

    private static final RowMapper<ApplicationRow> ROW = (rs, i) -> new ApplicationRow(rs.getLong("id"),
            rs.getString("client_key"), rs.getString("name"), rs.getString("description"),
            Visibility.valueOf(rs.getString("visibility")), rs.getBoolean("active"),
            ReviewState.valueOf(rs.getString("review_state")), rs.getString("publisher"),
            rs.getTimestamp("updated_at").toInstant());

    private final JdbcTemplate jdbc;

    ApplicationSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    ListPage<ApplicationRow> find(Filter filter, PageQuery query) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.ownerCompanyId() != null) {
            where.append(" and a.owner_company_id = ?");
            args.add(filter.ownerCompanyId());
        }
        if (filter.active() != null) {
            where.append(" and a.active = ?");
            args.add(filter.active());
        }
        if (filter.visibility() != null) {
            where.append(" and a.visibility = ?");
            args.add(filter.visibility().name());
        }
        if (filter.review() != null) {
            where.append(" and a.review_state = ?");
            args.add(filter.review().name());
        }
        if (query.hasSearch()) {
            // name_key is the lower-cased name; the trigram indexes of docs/lists.md serve both.
            if (filter.searchPublisher()) {
                where.append(" and (a.name_key like ? escape '\\' or lower(c.name) like ? escape '\\')");
                args.add(query.containsPattern());
            } else {
                where.append(" and a.name_key like ? escape '\\'");
            }
            args.add(query.containsPattern());
        }
        String from = " from partner_applications a join companies c on c.id = a.owner_company_id";
        // The count needs the companies only to search publishers' names.
        Long total = jdbc.queryForObject("select count(*)"
                + (filter.searchPublisher() && query.hasSearch() ? from : " from partner_applications a") + where,
                Long.class, args.toArray());
        String order = " order by " + SORTS.get(query.sort()) + " " + query.direction() + ", a.id " + query.direction();
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(query.limit());
        pageArgs.add(query.offset());
        List<ApplicationRow> rows = jdbc.query("select a.id, a.client_key, a.name, a.description, a.visibility, "
                + "a.active, a.review_state, a.updated_at, c.name as publisher" + from + where + order
                + " limit ? offset ?", ROW, pageArgs.toArray());
        return new ListPage<>(rows, query, total == null ? 0 : total, filter.narrows(query));
    }
}
