package dev.partnerapps.api;

/**
 * Names the API controllers use in their OpenAPI annotations: the security scheme, the shared
 * error answers of {@link OpenApiConfig}, and the demo data the examples work against
 * (docs/getting-started.md). Examples use ids of a freshly loaded demo database.
 */
public final class ApiDocs {

    /** The OAuth 2.0 security scheme; each operation's requirement lists its {@link RequiresScopes}. */
    public static final String OAUTH2 = "oauth2";

    public static final String BAD_REQUEST = "#/components/responses/BadRequest";
    public static final String NOT_FOUND = "#/components/responses/NotFound";
    public static final String CONFLICT = "#/components/responses/Conflict";
    public static final String UNSUPPORTED_MEDIA_TYPE = "#/components/responses/UnsupportedMediaType";

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    private ApiDocs() {
    }
}
