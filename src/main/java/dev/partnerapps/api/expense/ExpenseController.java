package dev.partnerapps.api.expense;

import dev.partnerapps.api.ApiCaller;
import dev.partnerapps.errors.NotFoundException;
import dev.partnerapps.api.BadApiRequestException;
import dev.partnerapps.api.Paging;
import dev.partnerapps.api.RequiresScopes;
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
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import dev.partnerapps.api.ApiDocs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
@RestController
@RequestMapping("/api/v3.0/expense")
class ExpenseController {

    static final String EXPENSE_REPORT = "EXPRPT";
    static final String QUICK_EXPENSE = "QUICKX";
    static final String IMAGING = "IMAGE";
    static final String CREDIT_CARD = "CCARD";
    static final String BANK = "BANK";

    @Schema(name = "ReportSummary", description = "An expense report without its entries.")
    record ReportSummary(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1") long id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Customer visit, Berlin") String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The owner's email.",
                    example = "dev@acme-sandbox.example") String owner,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Sum of the entries' amounts.",
                    example = "701.80") BigDecimal total,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "ISO 4217.", example = "EUR")
            String currency) {
    }

    @Schema(name = "ReportSummaryPage", description = "A page of expense reports.")
    private record ReportPage(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ReportSummary> items,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, description = Paging.NEXT_DOC)
            String next) {
    }

    @Schema(name = "Report", description = "An expense report with its entries.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Report(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1") long id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Customer visit, Berlin") String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The owner's email.",
                    example = "dev@acme-sandbox.example") String owner,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Sum of the entries' amounts.",
                    example = "701.80") BigDecimal total,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "ISO 4217.", example = "EUR")
            String currency,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "By date, then id.")
            List<Entry> entries) {
    }

    @Schema(name = "ExpenseEntry", description = "An expense: an entry of a report, or a quick expense.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1") long id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-10-05") LocalDate date,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Lufthansa") String vendor,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "412.80") BigDecimal amount,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "ISO 4217.", example = "EUR")
            String currency,
            @Schema(description = "Absent when there is none.", example = "Airport transfer") String comment,
            @Schema(description = "The card charged, absent when none: whole with scope CCARD, else all but the "
                    + "last four digits masked.", example = "************1111") String cardNumber,
            @Schema(description = "The bank account: only with scope BANK, and absent when none.",
                    example = "DE89370400440532013000") String bankAccount,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "Whether GET /expense/entries/{id}/receipt has an image.", example = "true")
            boolean hasReceipt) {

        /** The entry as {@code caller} may see it: the card whole only with CCARD, the bank account only with BANK. */
        Entry shownTo(ApiCaller caller) {
            String shownCard = cardNumber == null ? null : caller.has(CREDIT_CARD) ? cardNumber : mask(cardNumber);
            String shownBank = caller.has(BANK) ? bankAccount : null;
            return new Entry(id, date, vendor, amount, currency, comment, shownCard, shownBank, hasReceipt);
        }
    }

    @Schema(name = "QuickExpense", description = "A quick expense: an expense not yet on a report.")
    record QuickExpenseRequest(@Schema(description = "Between 1900-01-01 and 2100-12-31.", example = "2026-11-20")
            @NotNull(message = "is required") LocalDate date,
            @NotNull(message = "is required") @DecimalMin(value = "0.01", message = "must be positive")
            @DecimalMax(value = "1000000000", message = "is too large")
            @Digits(integer = 10, fraction = 2, message = "at most two decimals")
            @Schema(description = "Positive, at most two decimals.", example = "12.5") BigDecimal amount,
            @Schema(description = "An ISO 4217 code.", example = "EUR")
            @NotBlank(message = "is required") @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code")
            String currency,
            @Schema(example = "Taxi")
            @NotBlank(message = "is required") @Size(max = 100, message = "at most 100 characters")
            @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String vendor,
            @Schema(example = "Airport transfer")
            @Size(max = 500, message = "at most 500 characters")
            @Pattern(regexp = "(?:[^\\p{Cntrl}]|[\\n\\r\\t])*", message = "must not contain control characters")
            String comment) {
    }

    private final ExpenseQueries queries;
    private final Paging paging;

    ExpenseController(ExpenseQueries queries, Paging paging) {
        this.queries = queries;
        this.paging = paging;
    }

    @Operation(operationId = "getReports", tags = "Expense Report",
            summary = "The company's expense reports", description = "Ordered by id.")
    @ApiResponse(responseCode = "200", description = "A page of reports.", content = @Content(
            mediaType = ApiDocs.JSON, schema = @Schema(implementation = ReportPage.class), examples = @ExampleObject(name = "demo", summary = "Demo data", value = """
                    {"items":[{"id":1,"name":"Customer visit, Berlin","owner":"dev@acme-sandbox.example",\
                    "total":701.80,"currency":"EUR"},{"id":2,"name":"Team offsite",\
                    "owner":"dev@acme-sandbox.example","total":64.50,"currency":"USD"}],"next":null}""")))
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @RequiresScopes(EXPENSE_REPORT)
    @GetMapping("/reports")
    Paging.Collection<ReportSummary> reports(ApiCaller caller,
            @Parameter(description = Paging.LIMIT_DOC, example = "25", schema = @Schema(type = "integer",
                    format = "int32", minimum = "1", maximum = "100", defaultValue = "25"))
            @RequestParam(required = false) Integer limit,
            @Parameter(description = Paging.CURSOR_DOC) @RequestParam(required = false) String cursor,
            @Parameter(description = Paging.OFFSET_DOC, deprecated = true) @RequestParam(required = false) Long offset) {
        Paging.Request page = paging.request(limit, offset, cursor, "reports", caller.companyId());
        return paging.page(queries.reports(caller.companyId(), page), page, report -> List.of(report.id()));
    }

    @Operation(operationId = "getReport", tags = "Expense Report",
            summary = "One expense report with its entries", description = "An entry's `cardNumber` is whole "
            + "only with scope CCARD (else masked to the last four digits), `bankAccount` appears only with BANK.")
    @ApiResponse(responseCode = "200", description = "The report.", content = @Content(
            mediaType = ApiDocs.JSON, schema = @Schema(implementation = Report.class), examples = {
                @ExampleObject(name = "demo", summary = "With EXPRPT only", value = """
                        {"id":1,"name":"Customer visit, Berlin","owner":"dev@acme-sandbox.example","total":701.80,\
                        "currency":"EUR","entries":[{"id":1,"date":"2026-10-05","vendor":"Lufthansa",\
                        "amount":412.80,"currency":"EUR","cardNumber":"************1111","hasReceipt":true},\
                        {"id":2,"date":"2026-10-06","vendor":"Hotel Adlon","amount":289.00,"currency":"EUR",\
                        "cardNumber":"************1111","hasReceipt":false}]}"""),
                @ExampleObject(name = "sensitive", summary = "With EXPRPT, CCARD and BANK", value = """
                        {"id":1,"name":"Customer visit, Berlin","owner":"dev@acme-sandbox.example","total":701.80,\
                        "currency":"EUR","entries":[{"id":1,"date":"2026-10-05","vendor":"Lufthansa",\
                        "amount":412.80,"currency":"EUR","cardNumber":"4111111111111111",\
                        "bankAccount":"DE89370400440532013000","hasReceipt":true},{"id":2,"date":"2026-10-06",\
                        "vendor":"Hotel Adlon","amount":289.00,"currency":"EUR","cardNumber":"4111111111111111",\
                        "hasReceipt":false}]}""")}))
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @RequiresScopes(EXPENSE_REPORT)
    @GetMapping("/reports/{id}")
    Report report(ApiCaller caller, @Parameter(example = "1") @PathVariable long id) {
        Report report = queries.report(caller.companyId(), id)
                .orElseThrow(() -> new NotFoundException("Expense report " + id));
        return new Report(report.id(), report.name(), report.owner(), report.total(), report.currency(),
                report.entries().stream().map(entry -> entry.shownTo(caller)).toList());
    }

    @Operation(operationId = "createQuickExpense", tags = "Quick Expense",
            summary = "Record a quick expense", description = "Needs both QUICKX and EXPRPT. The expense "
            + "belongs to the token's user, or for client credentials to the application.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = ApiDocs.JSON, schema = @Schema(implementation = QuickExpenseRequest.class),
                    examples = @ExampleObject(name = "demo", summary = "Demo data", value = """
                            {"date":"2026-11-20","amount":12.50,"currency":"EUR","vendor":"Taxi",\
                            "comment":"Airport transfer"}"""))))
    @ApiResponse(responseCode = "201", description = "Created; the answer is the new expense.",
            headers = @Header(name = "Location", required = true, description = "The new expense's path.",
                    schema = @Schema(type = "string", example = "/api/v3.0/expense/entries/10")),
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = Entry.class),
                    examples = @ExampleObject(name = "demo", summary = "Demo data", value = """
                            {"id":10,"date":"2026-11-20","vendor":"Taxi","amount":12.50,"currency":"EUR",\
                            "comment":"Airport transfer","hasReceipt":false}""")))
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @ApiResponse(responseCode = "415", ref = ApiDocs.UNSUPPORTED_MEDIA_TYPE)
    @RequiresScopes({QUICK_EXPENSE, EXPENSE_REPORT})
    @PostMapping("/quickexpenses")
    ResponseEntity<Entry> quickExpense(ApiCaller caller, @Valid @RequestBody QuickExpenseRequest request) {
        if (request.date().getYear() < 1900 || request.date().getYear() > 2100) {
            throw new BadApiRequestException("date must be between 1900-01-01 and 2100-12-31.");
        }
        try {
            Currency.getInstance(request.currency());
        } catch (IllegalArgumentException e) {
            throw new BadApiRequestException("currency '" + request.currency() + "' is not an ISO 4217 code.");
        }
        String owner = caller.subject() == null ? caller.token().clientId() : caller.subject();
        Entry created = queries.insertQuickExpense(caller.companyId(), owner, request).shownTo(caller);
        return ResponseEntity.created(URI.create("/api/v3.0/expense/entries/" + created.id())).body(created);
    }

    @Operation(operationId = "getReceipt", tags = "Imaging",
            summary = "The receipt image of an expense")
    @ApiResponse(responseCode = "200", description = "The image, as it was uploaded.", content = {
        @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
        @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @RequiresScopes(IMAGING)
    @GetMapping("/entries/{id}/receipt")
    ResponseEntity<byte[]> receipt(ApiCaller caller,
            @Parameter(description = "The expense (an entry with `hasReceipt`).", example = "1") @PathVariable long id) {
        ExpenseQueries.Receipt receipt = queries.receipt(caller.companyId(), id)
                .orElseThrow(() -> new NotFoundException("Receipt of entry " + id));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(receipt.contentType())).body(receipt.content());
    }

    /** All but the last four digits hidden, the length kept: {@code ************1234}. */
    static String mask(String card) {
        int visible = Math.min(4, card.length());
        return "*".repeat(card.length() - visible) + card.substring(card.length() - visible);
    }
}
