package dev.partnerapps.api.lists;

import dev.partnerapps.api.Paging;
import dev.partnerapps.api.lists.ListItemsController.ItemView;
import dev.partnerapps.api.lists.ListItemsController.ListView;
import dev.partnerapps.errors.ConflictException;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The List Item API's SQL. Every read is bounded by the caller's company (items through their
 * list's company), so another company's list or item is simply not there; pages are keyset
 * ranges of at most {@link Paging.Request#fetch()} rows.
 */
@Repository
class ListItemQueries {

    /** Deep enough for any real hierarchy; a bound so that a corrupt chain cannot loop forever. */
    private static final int MAX_DEPTH = 1000;

    private static final RowMapper<ListView> LIST = (rs, i) -> new ListView(rs.getLong("id"), rs.getString("name"));

    private static final RowMapper<ItemView> ITEM = (rs, i) -> new ItemView(rs.getLong("id"), rs.getLong("list_id"),
            rs.getString("code"), rs.getString("name"), (Long) rs.getObject("parent_id", Long.class));

    private static final String ITEMS = """
            select i.id, i.list_id, i.code, i.name, i.parent_id from list_items i join lists l on l.id = i.list_id
            where i.list_id = ? and l.company_id = ?
            """;

    private final JdbcTemplate jdbc;

    ListItemQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The company's lists by id, the page after the cursor's id (or at the deprecated offset). */
    List<ListView> lists(long companyId, Paging.Request page) {
        return page.hasCursor()
                ? jdbc.query("select id, name from lists where company_id = ? and id > ? order by id limit ?", LIST,
                        companyId, page.after().number(0), page.fetch())
                : jdbc.query("select id, name from lists where company_id = ? order by id limit ? offset ?", LIST,
                        companyId, page.fetch(), page.offset());
    }

    /**
     * A list's items by (code, id): the (list_id, code, id) index hands out the page after the
     * cursor's key directly. The company check is part of the query, whatever the cursor says.
     */
    List<ItemView> items(long companyId, long listId, Paging.Request page) {
        return page.hasCursor()
                ? jdbc.query(ITEMS + "and (i.code, i.id) > (?, ?) order by i.code, i.id limit ?", ITEM, listId,
                        companyId, page.after().text(0), page.after().number(1), page.fetch())
                : jdbc.query(ITEMS + "order by i.code, i.id limit ? offset ?", ITEM, listId, companyId,
                        page.fetch(), page.offset());
    }

    Optional<ItemView> item(long companyId, long id) {
        return jdbc.query("""
                select i.id, i.list_id, i.code, i.name, i.parent_id from list_items i join lists l on l.id = i.list_id
                where i.id = ? and l.company_id = ?
                """, ITEM, id, companyId).stream().findFirst();
    }

    boolean listExists(long companyId, long listId) {
        return count("select count(*) from lists where id = ? and company_id = ?", listId, companyId) > 0;
    }

    boolean isItemOf(long listId, long itemId) {
        return count("select count(*) from list_items where id = ? and list_id = ?", itemId, listId) > 0;
    }

    boolean hasChildren(long id) {
        return count("select count(*) from list_items where parent_id = ?", id) > 0;
    }

    /** Whether {@code itemId} is {@code start} or one of its ancestors: one query per level, up to the root. */
    boolean isSelfOrAncestor(long itemId, long start) {
        Long ancestor = start;
        for (int depth = 0; ancestor != null && depth < MAX_DEPTH; depth++) {
            if (ancestor == itemId) {
                return true;
            }
            List<Long> up = jdbc.queryForList("select parent_id from list_items where id = ?", Long.class, ancestor);
            ancestor = up.isEmpty() ? null : up.get(0);
        }
        return false;
    }

    /** The new item's id; a code already used in the list is a conflict. */
    long insert(long listId, String code, String name, Long parentId) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.update(connection -> {
                PreparedStatement statement = connection.prepareStatement(
                        "insert into list_items (list_id, code, name, parent_id) values (?, ?, ?, ?)", new String[] {"id"});
                statement.setLong(1, listId);
                statement.setString(2, code);
                statement.setString(3, name);
                statement.setObject(4, parentId, Types.BIGINT);
                return statement;
            }, keys);
        } catch (DuplicateKeyException e) {
            throw codeInUse(code);
        }
        return keys.getKey().longValue();
    }

    /** A code already used in the list is a conflict. */
    void update(long id, String code, String name, Long parentId) {
        try {
            jdbc.update("update list_items set code = ?, name = ?, parent_id = ?, version = version + 1 where id = ?",
                    code, name, parentId, id);
        } catch (DuplicateKeyException e) {
            throw codeInUse(code);
        }
    }

    void delete(long id) {
        jdbc.update("delete from list_items where id = ?", id);
    }

    private static ConflictException codeInUse(String code) {
        return new ConflictException("Code '" + code + "' is already used in this list.");
    }

    private long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }
}
