package dev.partnerapps.api;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static dev.partnerapps.support.DemoUsers.GLOBEX_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import dev.partnerapps.authserver.TestTokens;
import dev.partnerapps.support.Console;
import dev.partnerapps.support.IntegrationTestBase;
import dev.partnerapps.support.OAuth;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The platform APIs of docs/product.md section 6 through real HTTP with real tokens from the token endpoint. */
class PlatformApiTests extends IntegrationTestBase {

    @Autowired
    ApplicationContext context;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    record Response(int status, String body, HttpResponse<byte[]> raw) {
        JsonNode json() {
            return JsonMapper.builder().build().readTree(body);
        }
    }

    private Response call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Response(response.statusCode(), new String(response.body()), response);
    }

    private Response get(String path, String token) throws Exception {
        return call("GET", path, token, null);
    }

    private String token(String... scopes) throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Api"), scopes);
        return oauth().accessToken(app.key(), app.secret());
    }

    private long projectCodes(String token) throws Exception {
        for (JsonNode list : get("/api/v3.0/common/lists", token).json().get("items")) {
            if (list.get("name").asString().equals("Project Codes")) {
                return list.get("id").asLong();
            }
        }
        throw new AssertionError("No Project Codes list");
    }

    @Test
    void theSeedStoryRegisterGetATokenAddAProjectCodeAndReadItBack() throws Exception {
        String token = token("LIST");
        long list = projectCodes(token);
        String code = "P-" + System.nanoTime() % 100000;
        Response created = call("POST", "/api/v3.0/common/listitems", token,
                "{\"listId\": " + list + ", \"code\": \"" + code + "\", \"name\": \"Website relaunch\"}");
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/v3.0/common/listitems/" + id);

        JsonNode read = get("/api/v3.0/common/listitems/" + id, token).json();
        assertThat(read.get("code").asString()).isEqualTo(code);
        assertThat(read.get("name").asString()).isEqualTo("Website relaunch");
        assertThat(get("/api/v3.0/common/listitems?listId=" + list + "&limit=100", token).body()).contains(code);

        Response updated = call("PUT", "/api/v3.0/common/listitems/" + id, token,
                "{\"listId\": " + list + ", \"code\": \"" + code + "\", \"name\": \"Relaunch\"}");
        assertThat(updated.json().get("name").asString()).isEqualTo("Relaunch");
        assertThat(call("POST", "/api/v3.0/common/listitems", token,
                "{\"listId\": " + list + ", \"code\": \"" + code + "\", \"name\": \"Twin\"}").status()).isEqualTo(409);
        assertThat(call("DELETE", "/api/v3.0/common/listitems/" + id, token, null).status()).isEqualTo(204);
        assertThat(get("/api/v3.0/common/listitems/" + id, token).status()).isEqualTo(404);
    }

    @Test
    void controlCharactersInAListItemAreAFieldErrorNotAServerError() throws Exception {
        // PostgreSQL refuses a NUL in text; the request must never get that far.
        String token = token("LIST");
        long list = projectCodes(token);
        for (String body : List.of("{\"listId\": " + list + ", \"code\": \"A\\u0000B\", \"name\": \"Nul\"}",
                "{\"listId\": " + list + ", \"code\": \"AB\", \"name\": \"Bell\\u0007\"}")) {
            Response response = call("POST", "/api/v3.0/common/listitems", token, body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.body()).contains("must not contain control characters");
        }
    }

    /** Calls a {@code next} URL exactly as the API gave it. */
    private Response follow(String next, String token) throws Exception {
        assertThat(next).startsWith("http://localhost:" + port + "/api/");
        return get(next.substring(("http://localhost:" + port).length()), token);
    }

    private static String cursorOf(String next) {
        Matcher cursor = Pattern.compile("[?&]cursor=([^&]+)").matcher(next);
        assertThat(cursor.find()).as(next).isTrue();
        return cursor.group(1);
    }

    private List<String> codes(JsonNode page) {
        List<String> codes = new ArrayList<>();
        page.get("items").forEach(item -> codes.add(item.get("code").asString()));
        return codes;
    }

    @Test
    void collectionsPageByFollowingNextWhoseCursorReplacesOffset() throws Exception {
        String token = token("LIST", "EXPRPT");
        long list = projectCodes(token);
        List<String> all = codes(get("/api/v3.0/common/listitems?listId=" + list + "&limit=100", token).json());
        assertThat(all).hasSizeGreaterThanOrEqualTo(3).isSorted();

        List<String> walked = new ArrayList<>();
        Response page = get("/api/v3.0/common/listitems?listId=" + list + "&limit=1", token);
        int pages = 0;
        while (true) {
            assertThat(page.status()).isEqualTo(200);
            JsonNode body = page.json();
            assertThat(body.get("items")).hasSize(1);
            walked.addAll(codes(body));
            pages++;
            if (body.get("next").isNull()) {
                break;
            }
            String next = body.get("next").asString();
            assertThat(next).contains("listId=" + list).contains("limit=1").contains("cursor=").doesNotContain("offset");
            page = follow(next, token);
        }
        assertThat(walked).isEqualTo(all);
        assertThat(pages).isEqualTo(all.size());

        // offset still works for old clients, but what comes next is a cursor.
        JsonNode skipped = get("/api/v3.0/common/listitems?listId=" + list + "&limit=1&offset=1", token).json();
        assertThat(codes(skipped)).containsExactly(all.get(1));
        String afterOffset = skipped.get("next").asString();
        assertThat(afterOffset).contains("cursor=").doesNotContain("offset");
        assertThat(codes(follow(afterOffset, token).json())).containsExactly(all.get(2));

        JsonNode lists = get("/api/v3.0/common/lists?limit=1", token).json();
        assertThat(lists.get("items")).hasSize(1);
        JsonNode secondList = follow(lists.get("next").asString(), token).json();
        assertThat(secondList.get("items").get(0).get("id").asLong())
                .isGreaterThan(lists.get("items").get(0).get("id").asLong());

        JsonNode reports = get("/api/v3.0/expense/reports?limit=1", token).json();
        JsonNode secondReport = follow(reports.get("next").asString(), token).json();
        assertThat(secondReport.get("items").get(0).get("id").asLong())
                .isGreaterThan(reports.get("items").get(0).get("id").asLong());

        assertThat(get("/api/v3.0/common/lists?limit=101", token).status()).isEqualTo(400);
        assertThat(get("/api/v3.0/common/lists?limit=0", token).status()).isEqualTo(400);
        assertThat(get("/api/v3.0/common/lists?offset=-1", token).status()).isEqualTo(400);
        assertThat(get("/api/v3.0/common/lists?limit=1000", token).json().get("detail").asString()).contains("limit");
        Response both = get("/api/v3.0/common/lists?offset=1&cursor=" + cursorOf(lists.get("next").asString()), token);
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().get("detail").asString()).contains("cursor").contains("offset");
    }

    @Test
    void aChangedOrMisusedCursorIsA400ProblemDetail() throws Exception {
        String token = token("LIST", "EXPRPT");
        long list = projectCodes(token);
        String next = get("/api/v3.0/common/listitems?listId=" + list + "&limit=1", token).json().get("next").asString();
        String cursor = cursorOf(next);
        assertThat(follow(next, token).status()).isEqualTo(200);

        char flipped = cursor.charAt(cursor.length() / 2) == 'A' ? 'B' : 'A';
        String changed = cursor.substring(0, cursor.length() / 2) + flipped + cursor.substring(cursor.length() / 2 + 1);
        long otherList = get("/api/v3.0/common/lists?limit=100", token).json().get("items").valueStream()
                .mapToLong(l -> l.get("id").asLong()).filter(id -> id != list).findFirst().orElseThrow();
        String listsCursor = cursorOf(get("/api/v3.0/common/lists?limit=1", token).json().get("next").asString());
        for (String bad : List.of(
                "/api/v3.0/common/listitems?listId=" + list + "&cursor=" + changed,
                "/api/v3.0/common/listitems?listId=" + list + "&cursor=" + cursor.substring(0, cursor.length() - 2),
                "/api/v3.0/common/listitems?listId=" + list + "&cursor=" + cursor + "AA",
                "/api/v3.0/common/listitems?listId=" + list + "&cursor=not*base64",
                "/api/v3.0/common/listitems?listId=" + list + "&cursor=",
                "/api/v3.0/common/listitems?listId=" + list + "&cursor=" + "A".repeat(600),
                // Made for another list, or another collection: refused, not reinterpreted.
                "/api/v3.0/common/listitems?listId=" + otherList + "&cursor=" + cursor,
                "/api/v3.0/common/listitems?listId=" + list + "&cursor=" + listsCursor,
                "/api/v3.0/expense/reports?cursor=" + listsCursor,
                "/api/v3.0/common/lists?cursor=" + cursor)) {
            Response response = get(bad, token);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.raw().headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(response.json().get("detail").asString()).as(bad).contains("cursor");
        }
    }

    @Test
    void aCursorNeverReadsAnotherCompanysList() throws Exception {
        Console.Credentials shared = console().publicApplication(ACME_DEVELOPER, "LIST");
        console().enable(GLOBEX_ADMIN, shared.key());
        String acme = oauth().accessToken(shared.key(), shared.secret());
        String globex = OAuth.tokens(oauth().token(OAuth.basic(shared.key(), shared.secret()), new ClientCredentialsGrant(),
                null, "globex.example")).getAccessToken().getValue();
        long acmeList = projectCodes(acme);
        long globexList = projectCodes(globex);
        String acmeNext = get("/api/v3.0/common/listitems?listId=" + acmeList + "&limit=1", acme).json()
                .get("next").asString();
        String acmeCursor = cursorOf(acmeNext);
        String globexCursor = cursorOf(get("/api/v3.0/common/listitems?listId=" + globexList + "&limit=1", globex).json()
                .get("next").asString());

        for (String attempt : List.of(
                acmeNext.substring(("http://localhost:" + port).length()),
                "/api/v3.0/common/listitems?listId=" + globexList + "&cursor=" + acmeCursor,
                "/api/v3.0/common/listitems?listId=" + acmeList + "&cursor=" + globexCursor)) {
            Response response = get(attempt, globex);
            assertThat(response.status()).as(attempt).isEqualTo(400);
            assertThat(response.body()).doesNotContain("ACME-");
        }
        assertThat(get("/api/v3.0/common/listitems?listId=" + acmeList + "&limit=1", globex).status()).isEqualTo(404);
        assertThat(follow(acmeNext, acme).body()).contains("ACME-");
    }

    @Test
    void everyOperationNeedsItsScope() throws Exception {
        String token = token("USER");
        Map<String, String> calls = Map.of(
                "/api/v3.0/common/lists", "LIST",
                "/api/v3.0/expense/reports", "EXPRPT",
                "/api/v3.0/expense/entries/1/receipt", "IMAGE",
                "/api/v3.0/travel/profiles?email=dev@acme-sandbox.example", "TRVPRF");
        for (var call : calls.entrySet()) {
            Response response = get(call.getKey(), token);
            assertThat(response.status()).as(call.getKey()).isEqualTo(403);
            assertThat(response.raw().headers().firstValue("WWW-Authenticate").orElse(""))
                    .contains("error=\"insufficient_scope\"").contains("scope=\"" + call.getValue());
        }
        String expenseOnly = token("EXPRPT");
        Response quick = call("POST", "/api/v3.0/expense/quickexpenses", expenseOnly,
                "{\"date\":\"2026-11-01\",\"amount\":12.50,\"currency\":\"EUR\",\"vendor\":\"Taxi\"}");
        assertThat(quick.status()).isEqualTo(403);
        assertThat(quick.raw().headers().firstValue("WWW-Authenticate").orElse("")).contains("QUICKX");
    }

    /**
     * The scope check runs where the handlers' own checks ran, after Spring MVC read the request:
     * a malformed id or body is still a 400 (an unsupported body a 415) even without the scope,
     * while an acceptable request without it is a 403.
     */
    @Test
    void malformedRequestsAreRefusedAsBadInputBeforeTheScopeCheck() throws Exception {
        String token = token("EXPRPT");
        assertThat(get("/api/v3.0/common/listitems/abc", token).status()).isEqualTo(400);
        Response invalidBody = call("POST", "/api/v3.0/common/listitems", token, "{\"code\":\"X\",\"name\":\"Y\"}");
        assertThat(invalidBody.status()).isEqualTo(400);
        assertThat(invalidBody.json().get("title").asString()).isEqualTo("Invalid request body");
        HttpResponse<byte[]> unsupported = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v3.0/expense/quickexpenses"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("Taxi 12.50")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(unsupported.statusCode()).isEqualTo(415);
        assertThat(get("/api/v3.0/common/listitems/1", token).status()).isEqualTo(403);
    }

    @Test
    void cardNumbersAndBankAccountsFollowTheSensitiveScopes() throws Exception {
        String plain = token("EXPRPT");
        String sensitive = token("EXPRPT", "CCARD", "BANK");
        long report = get("/api/v3.0/expense/reports", plain).json().get("items").get(0).get("id").asLong();

        JsonNode masked = get("/api/v3.0/expense/reports/" + report, plain).json();
        JsonNode entry = masked.get("entries").get(0);
        assertThat(entry.get("cardNumber").asString()).matches("\\*{12}\\d{4}");
        assertThat(entry.has("bankAccount")).isFalse();
        assertThat(masked.get("total").decimalValue()).isPositive();

        JsonNode full = get("/api/v3.0/expense/reports/" + report, sensitive).json().get("entries").get(0);
        assertThat(full.get("cardNumber").asString()).matches("\\d{16}");
        assertThat(full.get("cardNumber").asString()).endsWith(entry.get("cardNumber").asString().substring(12));
        assertThat(full.get("bankAccount").asString()).isNotBlank();
    }

    @Test
    void aScopeRemovedFromApisUsedIsGoneFromTokensAlreadyIssued() throws Exception {
        String name = Console.uniqueName("Shrinking");
        Console.Credentials app = console().register(ACME_DEVELOPER, name, "EXPRPT", "CCARD");
        String token = oauth().accessToken(app.key(), app.secret());
        long report = get("/api/v3.0/expense/reports", token).json().get("items").get(0).get("id").asLong();
        assertThat(get("/api/v3.0/expense/reports/" + report, token).json().get("entries").get(0).get("cardNumber")
                .asString()).matches("\\d{16}");

        console().modify(ACME_DEVELOPER, app.key(), name, true, "https://app.example.com/callback", "EXPRPT");
        assertThat(get("/api/v3.0/expense/reports/" + report, token).json().get("entries").get(0).get("cardNumber")
                .asString()).matches("\\*{12}\\d{4}");
    }

    @Test
    void quickExpensesAreValidatedAndCreated() throws Exception {
        String token = token("EXPRPT", "QUICKX");
        Response created = call("POST", "/api/v3.0/expense/quickexpenses", token,
                "{\"date\":\"2026-11-01\",\"amount\":12.50,\"currency\":\"EUR\",\"vendor\":\"Taxi\",\"comment\":\"Airport\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("vendor").asString()).isEqualTo("Taxi");
        assertThat(created.json().get("amount").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(created.json().get("date").asString()).isEqualTo("2026-11-01");

        for (String bad : List.of(
                "{\"date\":\"2026-11-01\",\"amount\":12.50,\"currency\":\"XYZ\",\"vendor\":\"Taxi\"}",
                "{\"date\":\"2026-11-01\",\"amount\":-3,\"currency\":\"EUR\",\"vendor\":\"Taxi\"}",
                "{\"date\":\"yesterday\",\"amount\":3,\"currency\":\"EUR\",\"vendor\":\"Taxi\"}",
                "{\"date\":\"2026-11-01\",\"amount\":\"lots\",\"currency\":\"EUR\",\"vendor\":\"Taxi\"}",
                "{\"date\":\"2026-11-01\",\"amount\":3,\"currency\":\"EUR\",\"vendor\":\"" + "v".repeat(101) + "\"}",
                "{\"date\":\"+999999999-12-31\",\"amount\":3,\"currency\":\"EUR\",\"vendor\":\"Taxi\"}",
                "{\"date\":\"2026-11-01\",\"amount\":3,\"currency\":\"EUR\",\"vendor\":\"Ta\\u0000xi\"}",
                "{\"amount\":3}",
                "not json")) {
            Response response = call("POST", "/api/v3.0/expense/quickexpenses", token, bad);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.raw().headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(response.json().get("status").asInt()).isEqualTo(400);
        }
    }

    @Test
    void listItemInputIsValidatedAsProblemDetails() throws Exception {
        String token = token("LIST");
        long list = projectCodes(token);
        for (String bad : List.of("{\"listId\":\"abc\",\"code\":\"X\",\"name\":\"Y\"}",
                "{\"code\":\"X\",\"name\":\"Y\"}",
                "{\"listId\":999999,\"code\":\"X\",\"name\":\"Y\"}",
                "{\"listId\":" + list + ",\"code\":\"" + "c".repeat(51) + "\",\"name\":\"Y\"}",
                "{\"listId\":" + list + ",\"code\":\"X\",\"name\":\"Y\",\"parentId\":999999}")) {
            Response response = call("POST", "/api/v3.0/common/listitems", token, bad);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.json().get("title").asString()).isNotBlank();
        }
        assertThat(get("/api/v3.0/common/listitems", token).status()).isEqualTo(400);
        assertThat(get("/api/v3.0/common/listitems?listId=abc", token).status()).isEqualTo(400);
        assertThat(get("/api/v3.0/common/listitems/abc", token).status()).isEqualTo(400);
    }

    @Test
    void aReceiptIsServedAsAnImage() throws Exception {
        String token = token("EXPRPT", "IMAGE");
        long report = get("/api/v3.0/expense/reports", token).json().get("items").get(0).get("id").asLong();
        long entry = -1;
        for (JsonNode e : get("/api/v3.0/expense/reports/" + report, token).json().get("entries")) {
            if (e.get("hasReceipt").asBoolean()) {
                entry = e.get("id").asLong();
            }
        }
        Response image = get("/api/v3.0/expense/entries/" + entry + "/receipt", token);
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.raw().headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image.raw().body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void travelProfilePartsFollowTheSensitiveScopes() throws Exception {
        String basic = token("TRVPRF");
        JsonNode profile = get("/api/v3.0/travel/profiles?email=employee@acme-sandbox.example", basic).json();
        assertThat(profile.get("email").asString()).isEqualTo("employee@acme-sandbox.example");
        assertThat(profile.has("passport")).isFalse();
        assertThat(profile.has("tsa")).isFalse();
        assertThat(profile.has("emergencyContact")).isFalse();

        JsonNode all = get("/api/v3.0/travel/profiles?email=employee@acme-sandbox.example",
                token("TRVPRF", "PASSV", "TSAI", "EMERG")).json();
        assertThat(all.get("passport").get("number").asString()).isNotBlank();
        assertThat(all.get("tsa").get("knownTravelerNumber").asString()).isNotBlank();
        assertThat(all.get("emergencyContact").get("phone").asString()).isNotBlank();
        assertThat(get("/api/v3.0/travel/profiles?email=employee@globex.example", basic).status()).isEqualTo(404);
        assertThat(get("/api/v3.0/travel/profiles", basic).status()).isEqualTo(400);
    }

    @Test
    void aGlobexTokenNeverSeesAcmeData() throws Exception {
        Console.Credentials shared = console().publicApplication(ACME_DEVELOPER, "LIST", "EXPRPT", "IMAGE");
        console().enable(GLOBEX_ADMIN, shared.key());
        String acme = oauth().accessToken(shared.key(), shared.secret());
        String globex = OAuth.tokens(oauth().token(OAuth.basic(shared.key(), shared.secret()), new ClientCredentialsGrant(),
                null, "globex.example")).getAccessToken().getValue();

        long acmeReport = get("/api/v3.0/expense/reports", acme).json().get("items").get(0).get("id").asLong();
        long acmeList = projectCodes(acme);
        assertThat(get("/api/v3.0/expense/reports/" + acmeReport, globex).status()).isEqualTo(404);
        assertThat(get("/api/v3.0/common/listitems?listId=" + acmeList, globex).status()).isEqualTo(404);
        assertThat(get("/api/v3.0/expense/reports", globex).body()).doesNotContain("acme-sandbox.example");
        assertThat(projectCodes(globex)).isNotEqualTo(acmeList);
        assertThat(call("POST", "/api/v3.0/common/listitems", globex,
                "{\"listId\":" + acmeList + ",\"code\":\"HACK\",\"name\":\"x\"}").status()).isEqualTo(400);
    }

    @Test
    void disablingOrDeactivatingStopsIssuedTokensAtOnceButANewSecretDoesNot() throws Exception {
        Console.Credentials shared = console().publicApplication(ACME_DEVELOPER, "LIST");
        console().enable(GLOBEX_ADMIN, shared.key());
        String globex = OAuth.tokens(oauth().token(OAuth.basic(shared.key(), shared.secret()), new ClientCredentialsGrant(),
                null, "globex.example")).getAccessToken().getValue();
        String acme = oauth().accessToken(shared.key(), shared.secret());
        assertThat(get("/api/v3.0/common/lists", globex).status()).isEqualTo(200);

        console().disable(GLOBEX_ADMIN, shared.key());
        Response refused = get("/api/v3.0/common/lists", globex);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.raw().headers().firstValue("WWW-Authenticate").orElse("")).contains("error=\"invalid_token\"");
        assertThat(get("/api/v3.0/common/lists", acme).status()).isEqualTo(200);

        mvc.perform(post("/admin/web-services/applications/{key}/new-secret", shared.key())
                .with(console().as(ACME_DEVELOPER)).with(csrf()));
        assertThat(get("/api/v3.0/common/lists", acme).status()).isEqualTo(200);

        String name = SignedJWT.parse(acme).getJWTClaimsSet().getStringClaim("client_id");
        assertThat(name).isEqualTo(shared.key());
        String appName = new JdbcTemplate(context.getBean(DataSource.class))
                .queryForObject("select name from partner_applications where client_key = ?", String.class, shared.key());
        console().modify(ACME_DEVELOPER, shared.key(), appName, false, "https://app.example.com/callback", "LIST");
        assertThat(get("/api/v3.0/common/lists", acme).status()).isEqualTo(401);
    }

    @Test
    void anOpenApiDescriptionOfEveryOperationIsServedLocally() throws Exception {
        JsonNode api = get("/v3/api-docs", null).json();
        assertThat(api.get("openapi").asString()).startsWith("3.");
        assertThat(api.get("paths").propertyNames()).contains("/api/v3.0/common/lists", "/api/v3.0/common/listitems",
                "/api/v3.0/common/listitems/{id}", "/api/v3.0/expense/reports", "/api/v3.0/expense/reports/{id}",
                "/api/v3.0/expense/quickexpenses", "/api/v3.0/expense/entries/{id}/receipt", "/api/v3.0/travel/profiles");
        JsonNode flows = api.get("components").get("securitySchemes").get("oauth2").get("flows");
        assertThat(flows.get("clientCredentials").get("tokenUrl").asString()).endsWith("/oauth2/token");
        assertThat(flows.get("authorizationCode").get("authorizationUrl").asString()).endsWith("/oauth2/authorize");
        for (String collection : List.of("/api/v3.0/common/lists", "/api/v3.0/common/listitems",
                "/api/v3.0/expense/reports")) {
            Map<String, JsonNode> parameters = new HashMap<>();
            api.get("paths").get(collection).get("get").get("parameters")
                    .forEach(p -> parameters.put(p.get("name").asString(), p));
            assertThat(parameters).as(collection).containsKeys("limit", "cursor", "offset");
            assertThat(parameters.get("cursor").get("in").asString()).isEqualTo("query");
            assertThat(parameters.get("cursor").get("description").asString()).contains("next");
            assertThat(parameters.get("offset").get("deprecated").asBoolean()).as(collection).isTrue();
        }
        assertThat(get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }

    @Test
    void missingTamperedAndExpiredTokensAre401InvalidToken() throws Exception {
        String token = token("LIST");
        String tampered = token.substring(0, token.indexOf('.') + 5) + "x" + token.substring(token.indexOf('.') + 6);
        Map<String, Object> claims = SignedJWT.parse(token).getJWTClaimsSet().getClaims();
        Map<String, Object> copy = new HashMap<>(claims);
        copy.remove("exp");
        copy.remove("iat");
        copy.remove("nbf");
        copy.remove("jti");
        String expired = TestTokens.signed(context, copy, new Date(System.currentTimeMillis() - 120_000));
        for (String bad : new String[] {null, "", tampered, expired, "not-a-jwt"}) {
            Response response = get("/api/v3.0/common/lists", bad);
            assertThat(response.status()).as(String.valueOf(bad)).isEqualTo(401);
            assertThat(response.raw().headers().firstValue("WWW-Authenticate").orElse("")).contains("error=\"invalid_token\"");
        }
        // The same claims, freshly signed by our key, work: what failed above was the expiry.
        String fresh = TestTokens.signed(context, copy, new Date(System.currentTimeMillis() + 600_000));
        assertThat(get("/api/v3.0/common/lists", fresh).status()).isEqualTo(200);
    }
}
