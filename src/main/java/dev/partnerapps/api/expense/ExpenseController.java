package dev.partnerapps.api.expense;

import dev.partnerapps.api.ApiCaller;
import dev.partnerapps.api.ApiNotFoundException;
import dev.partnerapps.api.BadApiRequestException;
import dev.partnerapps.api.Paging;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Expense Report (EXPRPT), Quick Expense (QUICKX with EXPRPT) and Imaging (IMAGE). Card numbers
 * are shown whole only with CCARD (else masked to the last four); bank accounts only with BANK.
 */
@Tag(name = "Expense Report, Quick Expense and Imaging")
@RestController
@RequestMapping("/api/v3.0/expense")
class ExpenseController {

    static final String EXPENSE_REPORT = "EXPRPT";
    static final String QUICK_EXPENSE = "QUICKX";
    static final String IMAGING = "IMAGE";
    static final String CREDIT_CARD = "CCARD";
    static final String BANK = "BANK";

    record ReportSummary(long id, String name, String owner, BigDecimal total, String currency) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Report(long id, String name, String owner, BigDecimal total, String currency, List<Entry> entries) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(long id, LocalDate date, String vendor, BigDecimal amount, String currency, String comment,
            String cardNumber, String bankAccount, boolean hasReceipt) {
    }

    record QuickExpenseRequest(@NotNull(message = "is required") LocalDate date,
            @NotNull(message = "is required") @DecimalMin(value = "0.01", message = "must be positive")
            @DecimalMax(value = "1000000000", message = "is too large")
            @Digits(integer = 10, fraction = 2, message = "at most two decimals") BigDecimal amount,
            @NotBlank(message = "is required") @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code")
            String currency,
            @NotBlank(message = "is required") @Size(max = 100, message = "at most 100 characters")
            @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String vendor,
            @Size(max = 500, message = "at most 500 characters")
            @Pattern(regexp = "(?:[^\\p{Cntrl}]|[\\n\\r\\t])*", message = "must not contain control characters") String comment) {
    }

    private final JdbcTemplate jdbc;
    private final Paging paging;

    ExpenseController(JdbcTemplate jdbc, Paging paging) {
        this.jdbc = jdbc;
        this.paging = paging;
    }

    @GetMapping("/reports")
    Paging.Collection<ReportSummary> reports(Authentication authentication,
            @Parameter(description = Paging.LIMIT_DOC) @RequestParam(required = false) Integer limit,
            @Parameter(description = Paging.CURSOR_DOC) @RequestParam(required = false) String cursor,
            @Parameter(description = Paging.OFFSET_DOC, deprecated = true) @RequestParam(required = false) Long offset) {
        ApiCaller caller = ApiCaller.of(authentication);
        caller.require(EXPENSE_REPORT);
        Paging.Request page = paging.request(limit, offset, cursor, "reports", caller.companyId());
        String select = """
                select r.id, r.name, r.owner_email, r.currency,
                       (select coalesce(sum(e.amount), 0) from expense_entries e where e.report_id = r.id) total
                from expense_reports r where r.company_id = ?
                """;
        RowMapper<ReportSummary> summary = (rs, i) -> new ReportSummary(rs.getLong("id"), rs.getString("name"),
                rs.getString("owner_email"), rs.getBigDecimal("total"), rs.getString("currency").strip());
        List<ReportSummary> reports = page.hasCursor()
                ? jdbc.query(select + "and r.id > ? order by r.id limit ?", summary, caller.companyId(),
                        page.after().number(0), page.fetch())
                : jdbc.query(select + "order by r.id limit ? offset ?", summary, caller.companyId(), page.fetch(),
                        page.offset());
        return paging.page(reports, page, report -> List.of(report.id()));
    }

    @GetMapping("/reports/{id}")
    Report report(Authentication authentication, @PathVariable long id) {
        ApiCaller caller = ApiCaller.of(authentication);
        caller.require(EXPENSE_REPORT);
        List<Report> found = jdbc.query("select id, name, owner_email, currency from expense_reports where id = ? "
                + "and company_id = ?", (rs, i) -> new Report(rs.getLong("id"), rs.getString("name"),
                rs.getString("owner_email"), null, rs.getString("currency").strip(), null), id, caller.companyId());
        if (found.isEmpty()) {
            throw new ApiNotFoundException("Expense report " + id);
        }
        List<Entry> entries = jdbc.query("select * from expense_entries where report_id = ? order by entry_date, id",
                (rs, i) -> entry(rs, caller), id);
        BigDecimal total = entries.stream().map(Entry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        Report report = found.get(0);
        return new Report(report.id(), report.name(), report.owner(), total, report.currency(), entries);
    }

    @PostMapping("/quickexpenses")
    ResponseEntity<Entry> quickExpense(Authentication authentication, @Valid @RequestBody QuickExpenseRequest request) {
        ApiCaller caller = ApiCaller.of(authentication);
        caller.require(QUICK_EXPENSE, EXPENSE_REPORT);
        if (request.date().getYear() < 1900 || request.date().getYear() > 2100) {
            throw new BadApiRequestException("date must be between 1900-01-01 and 2100-12-31.");
        }
        try {
            Currency.getInstance(request.currency());
        } catch (IllegalArgumentException e) {
            throw new BadApiRequestException("currency '" + request.currency() + "' is not an ISO 4217 code.");
        }
        String owner = caller.subject() == null ? caller.token().clientId() : caller.subject();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    insert into expense_entries (company_id, owner_email, entry_date, vendor, amount, currency, comment, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    """, new String[] {"id"});
            statement.setLong(1, caller.companyId());
            statement.setString(2, owner.length() > 254 ? owner.substring(0, 254) : owner);
            statement.setObject(3, request.date());
            statement.setString(4, request.vendor().strip());
            statement.setBigDecimal(5, request.amount());
            statement.setString(6, request.currency());
            statement.setString(7, request.comment() == null ? null : request.comment().strip());
            statement.setTimestamp(8, Timestamp.from(Instant.now()));
            return statement;
        }, keys);
        long id = keys.getKey().longValue();
        Entry created = jdbc.queryForObject("select * from expense_entries where id = ?", (rs, i) -> entry(rs, caller), id);
        return ResponseEntity.created(URI.create("/api/v3.0/expense/entries/" + id)).body(created);
    }

    @GetMapping("/entries/{id}/receipt")
    ResponseEntity<byte[]> receipt(Authentication authentication, @PathVariable long id) {
        ApiCaller caller = ApiCaller.of(authentication);
        caller.require(IMAGING);
        List<ResponseEntity<byte[]>> found = jdbc.query("""
                select r.content_type, r.content from expense_entries e join receipts r on r.id = e.receipt_id
                where e.id = ? and e.company_id = ? and r.company_id = e.company_id
                """, (rs, i) -> ResponseEntity.ok().contentType(MediaType.parseMediaType(rs.getString("content_type")))
                .body(rs.getBytes("content")), id, caller.companyId());
        if (found.isEmpty()) {
            throw new ApiNotFoundException("Receipt of entry " + id);
        }
        return found.get(0);
    }

    private static Entry entry(ResultSet rs, ApiCaller caller) throws SQLException {
        String card = rs.getString("card_number");
        String shownCard = card == null ? null : caller.has(CREDIT_CARD) ? card : mask(card);
        String bank = caller.has(BANK) ? rs.getString("bank_account") : null;
        return new Entry(rs.getLong("id"), rs.getObject("entry_date", LocalDate.class), rs.getString("vendor"),
                rs.getBigDecimal("amount"), rs.getString("currency").strip(), rs.getString("comment"), shownCard, bank,
                rs.getObject("receipt_id") != null);
    }

    /** All but the last four digits hidden, the length kept: {@code ************1234}. */
    static String mask(String card) {
        int visible = Math.min(4, card.length());
        return "*".repeat(card.length() - visible) + card.substring(card.length() - visible);
    }
}
