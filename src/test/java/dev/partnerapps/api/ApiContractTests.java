package dev.partnerapps.api;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.partnerapps.support.Console;
import dev.partnerapps.support.IntegrationTestBase;
import dev.partnerapps.support.OAuth;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The served /v3/api-docs is true to the server: every documented operation is called over real
 * HTTP with real tokens from the token endpoint, for its success and for each error it documents,
 * and every request and answer is checked against the description by an independent validator
 * (swagger-request-validator): an undocumented status, header, field or media type fails. The
 * description's own examples are replayed against freshly loaded demo data first, as an outside
 * tool would, and the last test checks that no documented answer went unexercised.
 *
 * <p>Its own application context (the property below) gives it fresh demo data, and a short wait
 * for a pooled connection, so that holding every connection shows the 503 callers get while the
 * database is away.
 */
@TestPropertySource(properties = {"spring.datasource.hikari.connection-timeout=500",
        "logging.level.com.atlassian.oai.validator=warn"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiContractTests extends IntegrationTestBase {

    private static final String LISTS = "/api/v3.0/common/lists";
    private static final String LIST_ITEMS = "/api/v3.0/common/listitems";
    private static final String LIST_ITEM = "/api/v3.0/common/listitems/{id}";
    private static final String REPORTS = "/api/v3.0/expense/reports";
    private static final String REPORT = "/api/v3.0/expense/reports/{id}";
    private static final String QUICK_EXPENSES = "/api/v3.0/expense/quickexpenses";
    private static final String RECEIPT = "/api/v3.0/expense/entries/{id}/receipt";
    private static final String PROFILES = "/api/v3.0/travel/profiles";
    private static final String ALL_SCOPES = "LIST EXPRPT QUICKX IMAGE TRVPRF CCARD BANK PASSV TSAI EMERG";

    /** "GET /path 200": every answer a test here saw, validated. */
    private static final Set<String> exercised = new TreeSet<>();
    private static String description;
    private static OpenApiInteractionValidator validator;
    private static String allScopes;
    private static String noScope;

    @Autowired
    DataSource dataSource;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() throws Exception {
        if (validator == null) {
            description = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            validator = OpenApiInteractionValidator.createForInlineApiSpecification(description).build();
            Console console = console();
            OAuth oauth = oauth();
            Console.Credentials all = console.register(ACME_DEVELOPER, Console.uniqueName("Contract"),
                    ALL_SCOPES.split(" "));
            allScopes = oauth.accessToken(all.key(), all.secret());
            Console.Credentials none = console.register(ACME_DEVELOPER, Console.uniqueName("Contract USER"), "USER");
            noScope = oauth.accessToken(none.key(), none.secret());
        }
    }

    /** One HTTP call: the operation it is for, and what is sent. */
    record Call(String method, String template, String path, Map<String, String> query, String token,
            String contentType, String body) {

        static Call of(String method, String template, Object... pathValues) {
            String path = template;
            for (Object value : pathValues) {
                path = path.replaceFirst("\\{[^}]+}", String.valueOf(value));
            }
            return new Call(method, template, path, new LinkedHashMap<>(), null, null, null);
        }

        Call query(String name, Object value) {
            query.put(name, String.valueOf(value));
            return this;
        }

        Call token(String bearer) {
            return new Call(method, template, path, query, bearer, contentType, body);
        }

        Call json(String content) {
            return new Call(method, template, path, query, token, "application/json", content);
        }

        Call body(String type, String content) {
            return new Call(method, template, path, query, token, type, content);
        }

        String uri() {
            StringJoiner joined = new StringJoiner("&", "?", "").setEmptyValue("");
            query.forEach((name, value) -> joined.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return path + joined;
        }
    }

    record Answer(int status, String contentType, byte[] body, HttpResponse<byte[]> raw) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * Sends the call, expects {@code status}, and validates the answer against the description —
     * the request too when {@code requestIsValid} (calls meant to be refused break it on purpose).
     */
    private Answer expect(int status, Call call, boolean requestIsValid) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + call.uri()));
        SimpleRequest.Builder described = new SimpleRequest.Builder(call.method(), call.path());
        call.query().forEach(described::withQueryParam);
        if (call.token() != null) {
            request.header("Authorization", "Bearer " + call.token());
            described.withAuthorization("Bearer " + call.token());
        }
        if (call.body() != null) {
            request.header("Content-Type", call.contentType());
            described.withContentType(call.contentType()).withBody(call.body());
        }
        request.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(call.body()));
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        Answer answer = new Answer(response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null), response.body(), response);
        assertThat(answer.status()).as("%s %s: %s", call.method(), call.uri(), answer.text()).isEqualTo(status);

        SimpleResponse.Builder got = SimpleResponse.Builder.status(answer.status());
        response.headers().map().forEach(got::withHeader);
        if (answer.body().length > 0) {
            got.withBody(answer.body());
        }
        ValidationReport report = requestIsValid ? validator.validate(described.build(), got.build())
                : validator.validateResponse(call.path(), Request.Method.valueOf(call.method()), got.build());
        assertThat(report.hasErrors()).as("%s %s answered %d %s %s:%n%s", call.method(), call.uri(), answer.status(),
                answer.contentType(), answer.text(), SimpleValidationReportFormat.getInstance().apply(report)).isFalse();
        exercised.add(call.method() + " " + call.template() + " " + status);
        return answer;
    }

    private JsonNode served() {
        return json.readTree(description);
    }

    @Test
    @Order(1)
    void theDescriptionsOwnExamplesWorkAgainstTheDemoData() throws Exception {
        // In the description's order, as a tool that turns it into requests would: the POST example
        // adds the item that the DELETE example then removes.
        for (var path : served().get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                JsonNode op = operation.getValue();
                Call call = Call.of(method, path.getKey());
                String uriPath = path.getKey();
                for (JsonNode parameter : op.path("parameters")) {
                    if (!parameter.has("example")) {
                        assertThat(parameter.path("required").asBoolean()).as("example of required %s",
                                parameter.get("name")).isFalse();
                        continue;
                    }
                    String value = parameter.get("example").asString();
                    if (parameter.get("in").asString().equals("path")) {
                        uriPath = uriPath.replace("{" + parameter.get("name").asString() + "}", value);
                    } else {
                        call.query(parameter.get("name").asString(), value);
                    }
                }
                call = new Call(method, path.getKey(), uriPath, call.query(), allScopes, null, null);
                JsonNode body = op.path("requestBody").path("content").path("application/json").path("examples");
                if (!body.isMissingNode()) {
                    call = call.json(json.writeValueAsString(body.get("demo").get("value")));
                }
                String success = op.get("responses").propertyNames().stream().filter(s -> s.startsWith("2"))
                        .findFirst().orElseThrow();
                Answer answer = expect(Integer.parseInt(success), call, true);
                JsonNode examples = op.get("responses").get(success).path("content").path("application/json")
                        .path("examples");
                if (!examples.isMissingNode()) {
                    JsonNode actual = withoutCursor(json.readTree(answer.body()));
                    List<JsonNode> documented = new ArrayList<>();
                    examples.forEach(example -> documented.add(withoutCursor(example.get("value"))));
                    assertThat(documented).as("%s %s answered %s", method, uriPath, actual).contains(actual);
                }
            }
        }
    }

    /** A page's next URL carries a cursor that no example can predict: compare only whether there is one. */
    private static JsonNode withoutCursor(JsonNode node) {
        if (node.isObject() && node.has("next") && !node.get("next").isNull()) {
            ((ObjectNode) node).put("next", "(a URL)");
        }
        return node;
    }

    @Test
    @Order(2)
    void listItemAnswersWhatItDocuments() throws Exception {
        expect(200, Call.of("GET", LISTS).query("limit", 1).token(allScopes), true);
        expect(400, Call.of("GET", LISTS).query("limit", 0).token(allScopes), false);
        expect(400, Call.of("GET", LISTS).query("cursor", "changed").token(allScopes), true);

        JsonNode page = json.readTree(expect(200, Call.of("GET", LIST_ITEMS).query("listId", 1).query("limit", 1)
                .token(allScopes), true).body());
        String next = page.get("next").asString();
        assertThat(next).contains("cursor=");
        Call following = Call.of("GET", LIST_ITEMS).token(allScopes);
        URI nextUri = URI.create(next);
        for (String pair : nextUri.getRawQuery().split("&")) {
            following.query(pair.substring(0, pair.indexOf('=')),
                    URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8));
        }
        expect(200, following, true);
        expect(400, Call.of("GET", LIST_ITEMS).token(allScopes), false);
        expect(404, Call.of("GET", LIST_ITEMS).query("listId", 999999).token(allScopes), true);

        String code = "CT-" + System.nanoTime() % 1_000_000;
        JsonNode created = json.readTree(expect(201, Call.of("POST", LIST_ITEMS).token(allScopes)
                .json("{\"listId\":1,\"code\":\"" + code + "\",\"name\":\"Contract\",\"parentId\":1}"), true).body());
        long id = created.get("id").asLong();
        Answer invalid = expect(400, Call.of("POST", LIST_ITEMS).token(allScopes).json("{\"listId\":1,\"name\":\"\"}"),
                false);
        assertThat(json.readTree(invalid.body()).get("errors")).isNotEmpty();
        expect(400, Call.of("POST", LIST_ITEMS).token(allScopes).json("not json"), false);
        expect(409, Call.of("POST", LIST_ITEMS).token(allScopes)
                .json("{\"listId\":1,\"code\":\"ACME-100\",\"name\":\"Twin\"}"), true);
        expect(415, Call.of("POST", LIST_ITEMS).token(allScopes).body("text/plain", "code=X"), false);

        expect(200, Call.of("GET", LIST_ITEM, id).token(allScopes), true);
        expect(400, Call.of("GET", LIST_ITEM, "abc").token(allScopes), false);
        expect(404, Call.of("GET", LIST_ITEM, 999999).token(allScopes), true);

        expect(200, Call.of("PUT", LIST_ITEM, id).token(allScopes)
                .json("{\"listId\":1,\"code\":\"" + code + "\",\"name\":\"Renamed\"}"), true);
        expect(400, Call.of("PUT", LIST_ITEM, id).token(allScopes)
                .json("{\"listId\":2,\"code\":\"" + code + "\",\"name\":\"Moved\"}"), true);
        expect(404, Call.of("PUT", LIST_ITEM, 999999).token(allScopes)
                .json("{\"listId\":1,\"code\":\"X\",\"name\":\"Y\"}"), true);
        expect(409, Call.of("PUT", LIST_ITEM, id).token(allScopes)
                .json("{\"listId\":1,\"code\":\"ACME-100\",\"name\":\"Twin\"}"), true);
        expect(415, Call.of("PUT", LIST_ITEM, id).token(allScopes).body("text/plain", "name=Y"), false);

        expect(409, Call.of("DELETE", LIST_ITEM, 1).token(allScopes), true);
        expect(400, Call.of("DELETE", LIST_ITEM, "abc").token(allScopes), false);
        expect(204, Call.of("DELETE", LIST_ITEM, id).token(allScopes), true);
        expect(404, Call.of("DELETE", LIST_ITEM, id).token(allScopes), true);
    }

    @Test
    @Order(2)
    void expenseAndImagingAnswerWhatTheyDocument() throws Exception {
        String expenseOnly = tokenFor("EXPRPT");
        expect(200, Call.of("GET", REPORTS).token(expenseOnly), true);
        expect(400, Call.of("GET", REPORTS).query("limit", 101).token(expenseOnly), false);
        JsonNode masked = json.readTree(expect(200, Call.of("GET", REPORT, 1).token(expenseOnly), true).body());
        assertThat(masked.get("entries").get(0).get("cardNumber").asString()).isEqualTo("************1111");
        assertThat(masked.get("entries").get(0).has("bankAccount")).isFalse();
        JsonNode whole = json.readTree(expect(200, Call.of("GET", REPORT, 1).token(allScopes), true).body());
        assertThat(whole.get("entries").get(0).get("bankAccount").asString()).isNotBlank();
        expect(400, Call.of("GET", REPORT, "abc").token(expenseOnly), false);
        expect(404, Call.of("GET", REPORT, 999999).token(expenseOnly), true);

        expect(201, Call.of("POST", QUICK_EXPENSES).token(allScopes)
                .json("{\"date\":\"2026-11-21\",\"amount\":8.40,\"currency\":\"USD\",\"vendor\":\"Bus\"}"), true);
        expect(400, Call.of("POST", QUICK_EXPENSES).token(allScopes)
                .json("{\"date\":\"2026-11-21\",\"amount\":8.40,\"currency\":\"XYZ\",\"vendor\":\"Bus\"}"), true);
        expect(415, Call.of("POST", QUICK_EXPENSES).token(allScopes).body("text/plain", "Bus 8.40"), false);
        Answer needsBoth = expect(403, Call.of("POST", QUICK_EXPENSES).token(expenseOnly)
                .json("{\"date\":\"2026-11-21\",\"amount\":8.40,\"currency\":\"USD\",\"vendor\":\"Bus\"}"), true);
        assertThat(json.readTree(needsBoth.body()).get("scope").asString()).isEqualTo("QUICKX EXPRPT");

        Answer image = expect(200, Call.of("GET", RECEIPT, 1).token(allScopes), true);
        assertThat(image.contentType()).isEqualTo("image/png");
        expect(400, Call.of("GET", RECEIPT, "abc").token(allScopes), false);
        expect(404, Call.of("GET", RECEIPT, 2).token(allScopes), true);
    }

    @Test
    @Order(2)
    void travelProfileAnswersWhatItDocuments() throws Exception {
        String plain = tokenFor("TRVPRF");
        JsonNode profile = json.readTree(expect(200, Call.of("GET", PROFILES).query("email", "employee@acme-sandbox.example")
                .token(plain), true).body());
        assertThat(profile.has("passport")).isFalse();
        expect(200, Call.of("GET", PROFILES).query("email", "employee@acme-sandbox.example").token(allScopes), true);
        expect(400, Call.of("GET", PROFILES).token(plain), false);
        expect(404, Call.of("GET", PROFILES).query("email", "employee@globex.example").token(plain), true);
    }

    /** Every operation, without a token (401) and with a token lacking its scope (403). */
    @Test
    @Order(2)
    void everyOperationAnswers401WithoutAValidTokenAnd403WithoutItsScope() throws Exception {
        for (Call call : everyOperation()) {
            Answer missing = expect(401, call, false);
            assertThat(missing.raw().headers().firstValue("WWW-Authenticate").orElseThrow())
                    .startsWith("Bearer error=\"invalid_token\"");
            expect(401, call.token("not-a-token"), false);
            Answer forbidden = expect(403, call.token(noScope), true);
            assertThat(forbidden.raw().headers().firstValue("WWW-Authenticate").orElseThrow())
                    .contains("error=\"insufficient_scope\"");
        }
    }

    /**
     * The pool has no connection to hand out within its timeout: what a request meets while the
     * database is away (the same SQLTransientConnectionException), without stopping the database.
     */
    @Test
    @Order(3)
    void everyOperationAnswers503WithRetryAfterWhileTheDatabaseIsAway() throws Exception {
        List<Connection> held = new ArrayList<>();
        try {
            while (true) {
                try {
                    held.add(dataSource.getConnection());
                } catch (SQLException exhausted) {
                    break;
                }
            }
            for (Call call : everyOperation()) {
                Answer unavailable = expect(503, call.token(allScopes), true);
                assertThat(unavailable.raw().headers().firstValue("Retry-After")).isPresent();
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    @Test
    @Order(4)
    void everyDocumentedAnswerWasExercised() {
        Set<String> documented = new TreeSet<>();
        for (var path : served().get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                operation.getValue().get("responses").propertyNames().forEach(status ->
                        documented.add(operation.getKey().toUpperCase() + " " + path.getKey() + " " + status));
            }
        }
        assertThat(exercised).isEqualTo(documented);
    }

    private List<Call> everyOperation() {
        return List.of(
                Call.of("GET", LISTS),
                Call.of("GET", LIST_ITEMS).query("listId", 1),
                Call.of("POST", LIST_ITEMS).json("{\"listId\":1,\"code\":\"NEVER\",\"name\":\"Never saved\"}"),
                Call.of("GET", LIST_ITEM, 2),
                Call.of("PUT", LIST_ITEM, 2).json("{\"listId\":1,\"code\":\"ACME-101\",\"name\":\"Office move\","
                        + "\"parentId\":1}"),
                Call.of("DELETE", LIST_ITEM, 3),
                Call.of("GET", REPORTS),
                Call.of("GET", REPORT, 1),
                Call.of("POST", QUICK_EXPENSES).json("{\"date\":\"2026-11-21\",\"amount\":1,\"currency\":\"EUR\","
                        + "\"vendor\":\"Never saved\"}"),
                Call.of("GET", RECEIPT, 1),
                Call.of("GET", PROFILES).query("email", "dev@acme-sandbox.example"));
    }

    private String tokenFor(String... scopes) throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Contract"), scopes);
        return oauth().accessToken(app.key(), app.secret());
    }
}
