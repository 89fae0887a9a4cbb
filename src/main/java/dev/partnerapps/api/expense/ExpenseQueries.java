package dev.partnerapps.api.expense;

import dev.partnerapps.api.Paging;
import dev.partnerapps.api.expense.ExpenseController.Entry;
import dev.partnerapps.api.expense.ExpenseController.QuickExpenseRequest;
import dev.partnerapps.api.expense.ExpenseController.Report;
import dev.partnerapps.api.expense.ExpenseController.ReportSummary;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The Expense Report, Quick Expense and Imaging APIs' SQL. Every read is bounded by the caller's
 * company; pages are keyset ranges of at most {@link Paging.Request#fetch()} rows. Entries come
 * back whole: what a caller may see of them is {@link Entry#shownTo}'s concern.
 */
@Repository
class ExpenseQueries {

    /** The column's width. */
    private static final int OWNER_LENGTH = 254;

    private static final String REPORTS = """
            select r.id, r.name, r.owner_email, r.currency,
                   (select coalesce(sum(e.amount), 0) from expense_entries e where e.report_id = r.id) total
            from expense_reports r where r.company_id = ?
            """;

    private static final RowMapper<ReportSummary> SUMMARY = (rs, i) -> new ReportSummary(rs.getLong("id"),
            rs.getString("name"), rs.getString("owner_email"), rs.getBigDecimal("total"),
            rs.getString("currency").strip());

    private static final RowMapper<Entry> ENTRY = (rs, i) -> new Entry(rs.getLong("id"),
            rs.getObject("entry_date", LocalDate.class), rs.getString("vendor"), rs.getBigDecimal("amount"),
            rs.getString("currency").strip(), rs.getString("comment"), rs.getString("card_number"),
            rs.getString("bank_account"), rs.getObject("receipt_id") != null);

    /** A receipt image as it was uploaded. */
    record Receipt(String contentType, byte[] content) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ExpenseQueries(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The company's reports by id with their totals, the page after the cursor's id (or at the deprecated offset). */
    List<ReportSummary> reports(long companyId, Paging.Request page) {
        return page.hasCursor()
                ? jdbc.query(REPORTS + "and r.id > ? order by r.id limit ?", SUMMARY, companyId,
                        page.after().number(0), page.fetch())
                : jdbc.query(REPORTS + "order by r.id limit ? offset ?", SUMMARY, companyId, page.fetch(),
                        page.offset());
    }

    /** The report with its entries by date, then id; the total is theirs. */
    Optional<Report> report(long companyId, long id) {
        List<Report> found = jdbc.query("select id, name, owner_email, currency from expense_reports where id = ? "
                + "and company_id = ?", (rs, i) -> new Report(rs.getLong("id"), rs.getString("name"),
                rs.getString("owner_email"), null, rs.getString("currency").strip(), null), id, companyId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<Entry> entries = jdbc.query("select * from expense_entries where report_id = ? order by entry_date, id",
                ENTRY, id);
        BigDecimal total = entries.stream().map(Entry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        Report report = found.get(0);
        return Optional.of(new Report(report.id(), report.name(), report.owner(), total, report.currency(), entries));
    }

    /** Stores a quick expense of {@code owner} (cut to the column's width), created now; the new entry. */
    Entry insertQuickExpense(long companyId, String owner, QuickExpenseRequest request) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    insert into expense_entries (company_id, owner_email, entry_date, vendor, amount, currency, comment, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    """, new String[] {"id"});
            statement.setLong(1, companyId);
            statement.setString(2, owner.length() > OWNER_LENGTH ? owner.substring(0, OWNER_LENGTH) : owner);
            statement.setObject(3, request.date());
            statement.setString(4, request.vendor().strip());
            statement.setBigDecimal(5, request.amount());
            statement.setString(6, request.currency());
            statement.setString(7, request.comment() == null ? null : request.comment().strip());
            statement.setTimestamp(8, Timestamp.from(clock.instant()));
            return statement;
        }, keys);
        return jdbc.queryForObject("select * from expense_entries where id = ?", ENTRY, keys.getKey().longValue());
    }

    /** The receipt of the company's entry, if it has one (of the same company). */
    Optional<Receipt> receipt(long companyId, long entryId) {
        return jdbc.query("""
                select r.content_type, r.content from expense_entries e join receipts r on r.id = e.receipt_id
                where e.id = ? and e.company_id = ? and r.company_id = e.company_id
                """, (rs, i) -> new Receipt(rs.getString("content_type"), rs.getBytes("content")), entryId, companyId)
                .stream().findFirst();
    }
}
