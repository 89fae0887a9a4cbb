package dev.partnerapps.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The token answer written without Jackson says what Spring Authorization Server's own handler
 * says, for the same issued token: the framework's handler is the reference here.
 */
class TokenResponseWriterTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OAuth2AccessTokenResponseAuthenticationSuccessHandler framework =
            new OAuth2AccessTokenResponseAuthenticationSuccessHandler();
    private final TokenResponseWriter writer = new TokenResponseWriter(framework);

    @Test
    void writesWhatTheFrameworkWritesForAClientCredentialsToken() throws Exception {
        Authentication issued = issued(token("eyJ.a.b", Instant.now(), 1800, "LIST", "EXPRPT"), null, Map.of());

        assertSameAnswer(issued);
        assertThat(answer(writer, issued)).containsOnlyKeys("access_token", "token_type", "expires_in", "scope");
    }

    @Test
    void writesTheRefreshTokenAndStringsThatNeedEscaping() throws Exception {
        Instant issuedAt = Instant.now();
        Authentication issued = issued(token("tok\"en\\with\u0001odd\u00e9\u2028chars", issuedAt, 3600, "LIST"),
                new OAuth2RefreshToken("refresh/\"value\"", issuedAt, issuedAt.plusSeconds(86_400)),
                Map.of("note", "line\nbreak\ttab", "count", 3L, "flag", true, "groups", new LinkedHashSet<>(List.of("a", "b"))));

        assertSameAnswer(issued);
        assertThat(answer(writer, issued)).containsEntry("refresh_token", "refresh/\"value\"")
                .containsEntry("access_token", "tok\"en\\with\u0001odd\u00e9\u2028chars")
                .containsEntry("note", "line\nbreak\ttab");
    }

    @Test
    void aTokenWithoutScopesHasNoScopeMember() throws Exception {
        Authentication issued = issued(token("t", Instant.now(), 60), null, Map.of());

        assertSameAnswer(issued);
        assertThat(answer(writer, issued)).doesNotContainKey("scope");
    }

    /** The framework counts the lifetime from when the answer is written, not from when the token was issued. */
    @Test
    void expiresInIsTheLifetimeEvenWhenTheTokenWasIssuedSecondsBefore() throws Exception {
        Authentication issued = issued(token("t", Instant.now().minusSeconds(10), 60, "LIST"), null, Map.of());

        assertSameAnswer(issued);
        assertThat(((Number) answer(writer, issued).get("expires_in")).longValue()).isBetween(59L, 60L);
    }

    @Test
    void theAnswerIsNeverCached() throws Exception {
        MockHttpServletResponse response = write(writer, issued(token("t", Instant.now(), 60, "LIST"), null, Map.of()));

        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getHeader("Pragma")).isEqualTo("no-cache");
        assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);
    }

    @Test
    void leavesOtherAdditionalParametersToTheFramework() throws Exception {
        Authentication issued = issued(token("t", Instant.now(), 60, "LIST"), null,
                Map.of("nested", Map.of("a", 1), "ratio", 0.5));

        assertSameAnswer(issued);
        assertThat(answer(writer, issued)).containsEntry("nested", Map.of("a", 1)).containsEntry("ratio", 0.5);
        // A parameter named like a standard member replaces it in the framework's answer; written
        // here, the name would appear twice.
        Authentication renamed = issued(token("t", Instant.now(), 60, "LIST"), null, Map.of("scope", "OTHER"));
        assertSameAnswer(renamed);
        String body = write(writer, renamed).getContentAsString();
        assertThat(body.split("\"scope\"", -1)).as(body).hasSize(2);
        assertThat(answer(writer, renamed)).containsEntry("scope", "OTHER");
    }

    private void assertSameAnswer(Authentication issued) throws Exception {
        MockHttpServletResponse ours = write(writer, issued);
        MockHttpServletResponse theirs = write(framework, issued);
        assertThat(ours.getStatus()).isEqualTo(theirs.getStatus()).isEqualTo(200);
        assertThat(ours.getContentType()).isEqualTo(theirs.getContentType()).isEqualTo("application/json;charset=UTF-8");
        Map<String, Object> our = parse(ours);
        Map<String, Object> their = parse(theirs);
        // expires_in counts down from the moment each answer is written: at most one second apart.
        assertThat(((Number) our.remove("expires_in")).longValue())
                .isCloseTo(((Number) their.remove("expires_in")).longValue(), Offset.offset(1L));
        assertThat(our).isEqualTo(their);
    }

    private static Map<String, Object> answer(AuthenticationSuccessHandler handler, Authentication issued) throws Exception {
        return parse(write(handler, issued));
    }

    private static MockHttpServletResponse write(AuthenticationSuccessHandler handler, Authentication issued)
            throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        handler.onAuthenticationSuccess(new MockHttpServletRequest("POST", "/oauth2/token"), response, issued);
        return response;
    }

    private static Map<String, Object> parse(MockHttpServletResponse response) throws Exception {
        return JSON.readValue(response.getContentAsByteArray(), new TypeReference<Map<String, Object>>() { });
    }

    private static OAuth2AccessToken token(String value, Instant issuedAt, long seconds, String... scopes) {
        return new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, value, issuedAt, issuedAt.plusSeconds(seconds),
                new LinkedHashSet<>(List.of(scopes)));
    }

    private static Authentication issued(OAuth2AccessToken accessToken, OAuth2RefreshToken refreshToken,
            Map<String, Object> additional) {
        RegisteredClient client = RegisteredClient.withId("1").clientId("key").clientSecret("{noop}secret")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).build();
        return new OAuth2AccessTokenAuthenticationToken(client, new UsernamePasswordAuthenticationToken("key", null),
                accessToken, refreshToken, additional);
    }
}
