package dev.partnerapps.api;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.partnerapps.client.ApiClient;
import dev.partnerapps.client.ApiException;
import dev.partnerapps.client.ApiResponse;
import dev.partnerapps.client.api.ExpenseReportApi;
import dev.partnerapps.client.api.ImagingApi;
import dev.partnerapps.client.api.ListItemApi;
import dev.partnerapps.client.api.QuickExpenseApi;
import dev.partnerapps.client.api.TravelProfileApi;
import dev.partnerapps.client.model.ExpenseEntry;
import dev.partnerapps.client.model.ItemList;
import dev.partnerapps.client.model.ListItem;
import dev.partnerapps.client.model.ListItemPage;
import dev.partnerapps.client.model.ListItemRequest;
import dev.partnerapps.client.model.Problem;
import dev.partnerapps.client.model.QuickExpense;
import dev.partnerapps.client.model.Report;
import dev.partnerapps.client.model.ReportSummary;
import dev.partnerapps.client.model.TravelProfile;
import dev.partnerapps.support.Console;
import dev.partnerapps.support.IntegrationTestBase;
import java.io.File;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every platform API called through the Java client that the build generates from the committed
 * description (docs/openapi/partner-apps.json), as a partner developer would: if the server and
 * the description part ways — a renamed or undocumented field, a missing one, another type — the
 * generated code no longer compiles against these tests or no longer reads the answers. The
 * client's JSON mapper is made strict about unknown fields for that reason.
 */
class GeneratedClientTests extends IntegrationTestBase {

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setObjectMapper(ApiClient.createDefaultObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private ApiClient clientWith(String... scopes) throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Client"), scopes);
        return client(oauth().accessToken(app.key(), app.secret()));
    }

    private static Problem problem(ApiClient client, ApiException e) throws Exception {
        return client.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
    }

    private static String cursorOf(String next) {
        for (String pair : URI.create(next).getRawQuery().split("&")) {
            if (pair.startsWith("cursor=")) {
                return URLDecoder.decode(pair.substring("cursor=".length()), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("No cursor in " + next);
    }

    @Test
    void listItemsAreReadPagedWrittenAndDeletedThroughTheGeneratedClient() throws Exception {
        ApiClient client = clientWith("LIST");
        ListItemApi lists = new ListItemApi(client);
        long projectCodes = lists.getLists(100, null, null).getItems().stream()
                .filter(list -> list.getName().equals("Project Codes")).map(ItemList::getId).findFirst().orElseThrow();

        List<String> walked = new ArrayList<>();
        ListItemPage page = lists.getListItems(projectCodes, 1, null, null);
        while (true) {
            page.getItems().forEach(item -> walked.add(item.getCode()));
            if (page.getNext() == null) {
                break;
            }
            page = lists.getListItems(projectCodes, 1, cursorOf(page.getNext()), null);
        }
        assertThat(walked).contains("ACME-100", "ACME-101", "ACME-200").isSorted();

        String code = "GC-" + System.nanoTime() % 1_000_000;
        ApiResponse<ListItem> created = lists.createListItemWithHttpInfo(new ListItemRequest().listId(projectCodes)
                .code(code).name("Generated client"));
        assertThat(created.getStatusCode()).isEqualTo(201);
        ListItem item = created.getData();
        assertThat(created.getHeaders().get("Location")).containsExactly("/api/v3.0/common/listitems/" + item.getId());
        assertThat(item.getParentId()).isNull();
        assertThat(lists.getListItem(item.getId()).getCode()).isEqualTo(code);

        long parent = lists.getListItems(projectCodes, 1, null, null).getItems().get(0).getId();
        ListItem child = lists.updateListItem(item.getId(), new ListItemRequest().listId(projectCodes).code(code)
                .name("Renamed").parentId(parent));
        assertThat(child.getName()).isEqualTo("Renamed");
        assertThat(child.getParentId()).isEqualTo(parent);

        ApiException taken = catchThrowableOfType(ApiException.class, () -> lists.createListItem(
                new ListItemRequest().listId(projectCodes).code(code).name("Twin")));
        assertThat(taken.getCode()).isEqualTo(409);
        assertThat(problem(client, taken).getDetail()).contains(code);

        assertThat(lists.deleteListItemWithHttpInfo(item.getId()).getStatusCode()).isEqualTo(204);
        ApiException gone = catchThrowableOfType(ApiException.class, () -> lists.getListItem(item.getId()));
        assertThat(gone.getCode()).isEqualTo(404);
        assertThat(problem(client, gone).getStatus()).isEqualTo(404);

        ApiException invalid = catchThrowableOfType(ApiException.class, () -> lists.createListItem(
                new ListItemRequest().listId(projectCodes).name("No code")));
        assertThat(invalid.getCode()).isEqualTo(400);
        assertThat(problem(client, invalid).getErrors()).anySatisfy(error -> assertThat(error.getField()).isEqualTo("code"));
    }

    @Test
    void expensesQuickExpensesAndReceiptsThroughTheGeneratedClient() throws Exception {
        ApiClient client = clientWith("EXPRPT", "QUICKX", "IMAGE");
        ExpenseReportApi reports = new ExpenseReportApi(client);
        ReportSummary first = reports.getReports(null, null, null).getItems().get(0);
        Report report = reports.getReport(first.getId());
        assertThat(report.getTotal()).isEqualByComparingTo(first.getTotal());
        ExpenseEntry withReceipt = report.getEntries().stream().filter(ExpenseEntry::getHasReceipt).findFirst()
                .orElseThrow();
        assertThat(withReceipt.getCardNumber()).matches("\\*{12}\\d{4}");
        assertThat(withReceipt.getBankAccount()).isNull();

        File receipt = new ImagingApi(client).getReceipt(withReceipt.getId());
        assertThat(Files.readAllBytes(receipt.toPath())).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');

        ApiResponse<ExpenseEntry> quick = new QuickExpenseApi(client).createQuickExpenseWithHttpInfo(new QuickExpense()
                .date(LocalDate.of(2026, 11, 20)).amount(new BigDecimal("12.50")).currency("EUR").vendor("Taxi")
                .comment("Airport transfer"));
        assertThat(quick.getStatusCode()).isEqualTo(201);
        assertThat(quick.getData().getAmount()).isEqualByComparingTo("12.50");
        assertThat(quick.getData().getDate()).isEqualTo(LocalDate.of(2026, 11, 20));

        ApiException invalid = catchThrowableOfType(ApiException.class, () -> new QuickExpenseApi(client)
                .createQuickExpense(new QuickExpense().date(LocalDate.of(2026, 11, 20)).amount(BigDecimal.ONE)
                        .currency("XYZ").vendor("Taxi")));
        assertThat(invalid.getCode()).isEqualTo(400);
        assertThat(problem(client, invalid).getDetail()).contains("XYZ");
    }

    @Test
    void sensitiveFieldsAppearOnlyWithTheirScopeInTheGeneratedModel() throws Exception {
        TravelProfile plain = new TravelProfileApi(clientWith("TRVPRF")).getTravelProfile(ACME_DEVELOPER);
        assertThat(plain.getEmail()).isEqualTo(ACME_DEVELOPER);
        assertThat(plain.getPassport()).isNull();
        assertThat(plain.getTsa()).isNull();
        assertThat(plain.getEmergencyContact()).isNull();

        TravelProfile all = new TravelProfileApi(clientWith("TRVPRF", "PASSV", "TSAI", "EMERG"))
                .getTravelProfile(ACME_DEVELOPER);
        assertThat(all.getPassport().getNumber()).isNotBlank();
        assertThat(all.getTsa().getDateOfBirth()).isNotNull();
        assertThat(all.getEmergencyContact().getPhone()).isNotBlank();

        Report whole = new ExpenseReportApi(clientWith("EXPRPT", "CCARD", "BANK")).getReport(
                new ExpenseReportApi(clientWith("EXPRPT")).getReports(null, null, null).getItems().get(0).getId());
        assertThat(whole.getEntries().get(0).getCardNumber()).matches("\\d{16}");
        assertThat(whole.getEntries().get(0).getBankAccount()).isNotBlank();
    }

    @Test
    void refusalsReachTheGeneratedClientAsProblems() throws Exception {
        ApiClient anonymous = client("not-a-token");
        ApiException unauthorized = catchThrowableOfType(ApiException.class,
                () -> new ListItemApi(anonymous).getLists(null, null, null));
        assertThat(unauthorized.getCode()).isEqualTo(401);
        assertThat(unauthorized.getResponseHeaders().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"invalid_token\"");
        assertThat(problem(anonymous, unauthorized).getStatus()).isEqualTo(401);

        ApiClient listOnly = clientWith("LIST");
        ApiException forbidden = catchThrowableOfType(ApiException.class,
                () -> new TravelProfileApi(listOnly).getTravelProfile(ACME_DEVELOPER));
        assertThat(forbidden.getCode()).isEqualTo(403);
        assertThat(problem(listOnly, forbidden).getScope()).isEqualTo("TRVPRF");
    }
}
