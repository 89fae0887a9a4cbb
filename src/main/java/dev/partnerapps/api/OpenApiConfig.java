package dev.partnerapps.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI 3.0 description of the platform APIs, served at /v3/api-docs and browsable at
 * /swagger-ui.html; a copy is committed as docs/openapi/partner-apps.json, from which the tests
 * generate a client. What every operation shares lives here: the OAuth 2.0 scheme with this
 * server's URLs, one problem-details schema (RFC 9457), and the answers that the security chain
 * (401, 403) and the database outage filter (503) give to every call, and each operation's
 * security requirement, read from the {@link RequiresScopes} that the scope check enforces; the
 * controllers describe the rest next to the code that answers it.
 *
 * <p>OpenAPI 3.0 rather than 3.1 (springdoc.api-docs.version): the request validator of the
 * contract test, the client generator and the common OpenAPI-to-Postman converters read 3.0 fully
 * and 3.1 only in part.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String PROBLEM = "Problem";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Scopes a token may carry for these APIs: the API scopes and their sensitive data groups. */
    static final Map<String, String> SCOPES = scopes();

    static {
        // A handler's ApiCaller comes from the token, never from the request's parameters or body.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(ApiCaller.class);
    }

    @Bean
    OpenAPI platformApis(@Value("${partnerapps.api.base-url:${partnerapps.oauth.issuer:http://localhost:8080}}")
            String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        Scopes scopes = new Scopes();
        SCOPES.forEach(scopes::addString);
        return new OpenAPI()
                .info(new Info().title("Partner Apps platform APIs").version("3.0").description("""
                        The platform APIs for partner applications. Get an access token from this server's \
                        token endpoint (client credentials with the application's Key and Secret, or the \
                        authorization code flow with PKCE for a user), then send it as `Authorization: Bearer \
                        <token>`. Each operation needs the scope of its API (LIST, EXPRPT, QUICKX, IMAGE, \
                        TRVPRF); sensitive fields appear only when the token also carries their group's scope \
                        (CCARD, BANK, PASSV, TSAI, EMERG), as each field's description says. Data is always \
                        the token's company's: another company's object answers 404.

                        Collections answer `{"items": [...], "next": "<url or null>"}`. Page with `limit` \
                        (1 to 100, default 25) and by following `next` as given until it is null: it carries \
                        an opaque, signed `cursor` that says where the next page starts. A changed cursor, \
                        or one used with another collection or `listId`, answers 400. `offset` is \
                        deprecated: it still works, but costs more the deeper it goes, and `next` never \
                        uses it.

                        Errors are RFC 9457 problem details (`application/problem+json`). 401 and 403 also \
                        carry `WWW-Authenticate: Bearer` with `error="invalid_token"` or \
                        `error="insufficient_scope"` and the needed `scope`; 503 carries `Retry-After` \
                        (seconds). Getting started: docs/getting-started.md."""))
                .servers(List.of(new Server().url(base).description("This server")))
                .components(new Components()
                        .addSecuritySchemes(ApiDocs.OAUTH2, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                                .description("Access tokens from this server. Authenticate the application with "
                                        + "its Key and Secret (HTTP Basic or client_secret_post). Client "
                                        + "credentials act for the owner company, or for the company named by "
                                        + "the form parameter `company` (its domain) that enabled the "
                                        + "application; the authorization code flow (PKCE S256 required) acts "
                                        + "for the signed-in user. Without `scope`, a token carries every scope "
                                        + "the application was registered for.")
                                .flows(new OAuthFlows()
                                        .clientCredentials(new OAuthFlow().tokenUrl(base + "/oauth2/token")
                                                .scopes(scopes))
                                        .authorizationCode(new OAuthFlow()
                                                .authorizationUrl(base + "/oauth2/authorize")
                                                .tokenUrl(base + "/oauth2/token")
                                                .refreshUrl(base + "/oauth2/token")
                                                .scopes(scopes))))
                        .addSchemas(PROBLEM, problemSchema())
                        .addSchemas("FieldError", new ObjectSchema()
                                .description("One invalid field of a request body.")
                                .addProperty("field", new StringSchema().example("code"))
                                .addProperty("message", new StringSchema().example("is required"))
                                .required(List.of("field", "message")))
                        .addResponses("BadRequest", problem("Bad input: a missing or invalid parameter or body "
                                + "field, an unreadable body, or a changed or misused cursor.",
                                Map.of("missingParameter", problemExample(400, "Bad request",
                                        "Parameter 'listId' is required.", "/api/v3.0/common/listitems"),
                                        "invalidBody", """
                                        {"type":"about:blank","title":"Invalid request body","status":400,\
                                        "detail":"One or more fields are invalid.",\
                                        "instance":"/api/v3.0/common/listitems",\
                                        "errors":[{"field":"code","message":"is required"}]}""")))
                        .addResponses("Unauthorized", problem("The access token is missing, malformed, expired "
                                + "or revoked, or its application is no longer Active or enabled for the "
                                + "company. Get a new token.", Map.of("invalidToken", """
                                        {"type":"about:blank","title":"Unauthorized","status":401,\
                                        "detail":"A valid, unexpired bearer token of an application enabled \
                                        for the company is required."}"""))
                                .addHeaderObject("WWW-Authenticate", header(
                                        "`Bearer error=\"invalid_token\"` with an `error_description` (RFC 6750).",
                                        new StringSchema().example("Bearer error=\"invalid_token\", error_description="
                                                + "\"The access token is missing, invalid, expired or revoked\""))))
                        .addResponses("Forbidden", problem("The token lacks a scope the operation needs; "
                                + "`scope` (in the body and the header) names them.", Map.of("insufficientScope",
                                """
                                        {"type":"about:blank","title":"Insufficient scope","status":403,\
                                        "detail":"This operation needs scope LIST.","instance":\
                                        "/api/v3.0/common/lists","scope":"LIST"}"""))
                                .addHeaderObject("WWW-Authenticate", header(
                                        "`Bearer error=\"insufficient_scope\"` with the needed `scope` (RFC 6750).",
                                        new StringSchema().example("Bearer error=\"insufficient_scope\", "
                                                + "error_description=\"The access token lacks a required scope\", "
                                                + "scope=\"LIST\""))))
                        .addResponses("NotFound", problem("No such object in the token's company (another "
                                + "company's objects are not found either).", Map.of("notFound",
                                problemExample(404, "Not found", "List item 999999",
                                        "/api/v3.0/common/listitems/999999"))))
                        .addResponses("Conflict", problem("The request clashes with stored data.", Map.of(
                                "codeInUse", problemExample(409, "Conflict", "Code 'ACME-100' is already used in "
                                        + "this list.", "/api/v3.0/common/listitems"))))
                        .addResponses("UnsupportedMediaType", problem("The body is not `application/json`.",
                                Map.of("unsupported", problemExample(415, "Unsupported Media Type",
                                        "Content-Type 'text/plain' is not supported.",
                                        "/api/v3.0/common/listitems"))))
                        .addResponses("ServiceUnavailable", problem("The server cannot reach its database; retry "
                                + "after `Retry-After` seconds.", Map.of("databaseAway", """
                                        {"type":"about:blank","title":"Service unavailable","status":503,\
                                        "detail":"The service cannot reach its database; retry in a few seconds.",\
                                        "instance":"/api/v3.0/common/lists"}"""))
                                .addHeaderObject("Retry-After", header("Seconds to wait before retrying.",
                                        new IntegerSchema().example(5)))));
    }

    /**
     * Adds the answers that every platform API operation can give whatever it does — 401 and 403 from
     * the security chain and the scope check, 503 from the database outage filter — and orders each
     * operation's answers by status so the served description is stable.
     */
    @Bean
    OpenApiCustomizer sharedApiResponses() {
        return api -> api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            ApiResponses responses = operation.getResponses();
            responses.putIfAbsent("401", new ApiResponse().$ref("#/components/responses/Unauthorized"));
            responses.putIfAbsent("403", new ApiResponse().$ref("#/components/responses/Forbidden"));
            responses.putIfAbsent("503", new ApiResponse().$ref("#/components/responses/ServiceUnavailable"));
            Map<String, ApiResponse> sorted = new TreeMap<>(responses);
            responses.clear();
            responses.putAll(sorted);
        }));
    }

    /** The scopes an operation needs, as its handler declares them for the scope check: one declaration for both. */
    @Bean
    OperationCustomizer requiredScopes() {
        return (operation, handler) -> {
            RequiresScopes required = handler.getMethodAnnotation(RequiresScopes.class);
            if (required != null) {
                operation.addSecurityItem(new SecurityRequirement().addList(ApiDocs.OAUTH2, List.of(required.value())));
            }
            return operation;
        };
    }

    private static Map<String, String> scopes() {
        Map<String, String> scopes = new LinkedHashMap<>();
        scopes.put("LIST", "List Item: read and change the company's lists and list items");
        scopes.put("EXPRPT", "Expense Report: read expense reports and their entries");
        scopes.put("QUICKX", "Quick Expense: create quick expenses (needs EXPRPT as well)");
        scopes.put("IMAGE", "Imaging: read receipt images");
        scopes.put("TRVPRF", "Travel Profile: read travel profiles");
        scopes.put("CCARD", "Credit Card Data (sensitive, with EXPRPT): whole card numbers instead of masked ones");
        scopes.put("BANK", "Bank Account Data (sensitive, with EXPRPT): entries' bank accounts");
        scopes.put("PASSV", "Passport and Visa (sensitive, with TRVPRF): the profile's passport");
        scopes.put("TSAI", "TSA Secure Flight (sensitive, with TRVPRF): the profile's TSA data");
        scopes.put("EMERG", "Emergency Contact (sensitive, with TRVPRF): the profile's emergency contact");
        return scopes;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemSchema() {
        Schema problem = new ObjectSchema()
                .description("An RFC 9457 problem detail: every error of the platform APIs.")
                .addProperty("type", new StringSchema().description("A URI naming the kind of problem; "
                        + "`about:blank`, or absent (the same, RFC 9457): the status says it all.")
                        .example("about:blank"))
                .addProperty("title", new StringSchema().description("Short summary of the kind of problem.")
                        .example("Bad request"))
                .addProperty("status", new IntegerSchema().description("The HTTP status.").example(400))
                .addProperty("detail", new StringSchema().description("What went wrong with this request.")
                        .example("Parameter 'listId' is required."))
                .addProperty("instance", new StringSchema().description("The path of the request.")
                        .example("/api/v3.0/common/listitems"))
                .addProperty("scope", new StringSchema().description("403 only: the scope(s) the operation "
                        + "needs, space-separated.").example("LIST"))
                .addProperty("errors", new ArraySchema().items(new Schema().$ref("#/components/schemas/FieldError"))
                        .description("400 for an invalid body only: each invalid field."));
        problem.setRequired(List.of("title", "status"));
        return problem;
    }

    private static ApiResponse problem(String description, Map<String, String> examples) {
        MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
        new TreeMap<>(examples).forEach((name, json) -> media.addExamples(name, new Example().value(parse(json))));
        return new ApiResponse().description(description).content(new Content().addMediaType(ApiDocs.PROBLEM_JSON, media));
    }

    private static Object parse(String json) {
        return JSON.readValue(json, LinkedHashMap.class);
    }

    private static String problemExample(int status, String title, String detail, String instance) {
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
                + "\",\"instance\":\"" + instance + "\"}";
    }

    private static Header header(String description, Schema<?> schema) {
        return new Header().description(description).required(true).schema(schema);
    }
}
