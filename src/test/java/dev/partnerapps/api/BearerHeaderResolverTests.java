package dev.partnerapps.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * The platform API's bearer token resolver gives Spring Security's answer (docs/performance.md, "The
 * platform API's CPU"): the same token, or the same error, for every character in every position of
 * the header that its rule looks at, and for the cases around the edges.
 */
class BearerHeaderResolverTests {

    private static final String JWT = "eyJraWQiOiJrMSIsImFsZyI6IkVTMjU2In0.eyJzdWIiOiJhYmMiLCJzY29wZSI6WyJMSVNUIl19"
            + ".MEUCIQC-_~+/abc==";

    private final BearerTokenResolver ours = new BearerHeaderResolver();
    private final BearerTokenResolver spring = new DefaultBearerTokenResolver();

    @Test
    void everyCharacterInTheSchemeTheTokenAndThePaddingIsJudgedAsSpringJudgesIt() {
        String header = "Bearer ab=";
        int compared = 0;
        for (int position : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}) {
            for (char c = 0; c < Character.MAX_VALUE; c++) {
                String changed = header.substring(0, position) + c + header.substring(position + 1);
                assertSameAnswer(changed);
                compared++;
            }
        }
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            assertSameAnswer(header + c);
            assertSameAnswer("Bearer " + c);
            compared += 2;
        }
        assertThat(compared).isEqualTo(12 * 0xFFFF);
    }

    @Test
    void theCasesAroundTheEdgesGetSpringsAnswers() {
        List<String> headers = new ArrayList<>(List.of("", " ", "Bearer", "Bearer ", "Bearer  ", "bearer abc",
                "BEARER abc", "bEaReR abc", "Bearer  abc", "Bearer abc ", " Bearer abc", "Bearer\tabc", "Bearer =",
                "Bearer ==", "Bearer abc=", "Bearer abc==", "Bearer abc=d", "Bearer a=b=", "Bearerabc", "Basic YWJjOmRlZg==",
                "Bearer " + JWT, "Bearer " + JWT + "\n", "Bearer " + JWT + "\r\n", "Bearer abc\u0000", "Bearer \u212Abc",
                "Bearer\u00a0abc", "Bearer abc,Bearer def"));
        headers.add(null);
        for (String header : headers) {
            assertSameAnswer(header);
        }
        assertThat(resolve(ours, request("Bearer " + JWT))).isEqualTo(JWT);
    }

    @Test
    void aTokenInTheQueryOrTheBodyIsIgnoredAsSpringIgnoresIt() {
        MockHttpServletRequest get = request("Bearer abc");
        get.setQueryString("access_token=def");
        get.addParameter("access_token", "def");
        assertThat(resolve(ours, get)).isEqualTo(resolve(spring, get)).isEqualTo("abc");
        MockHttpServletRequest post = request(null);
        post.setMethod("POST");
        post.setContentType("application/x-www-form-urlencoded");
        post.addParameter("access_token", "def");
        assertThat(resolve(ours, post)).isEqualTo(resolve(spring, post)).isEqualTo("null");
    }

    private void assertSameAnswer(String header) {
        MockHttpServletRequest request = request(header);
        assertThat(resolve(ours, request)).as("Authorization: %s", header).isEqualTo(resolve(spring, request));
    }

    /** The token, or the error's code and description, or "null" when there is no token. */
    private static String resolve(BearerTokenResolver resolver, MockHttpServletRequest request) {
        try {
            return Objects.toString(resolver.resolve(request));
        } catch (OAuth2AuthenticationException e) {
            return "error " + e.getError().getErrorCode() + ": " + e.getError().getDescription();
        }
    }

    private static MockHttpServletRequest request(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v3.0/lists");
        if (authorization != null) {
            request.addHeader(HttpHeaders.AUTHORIZATION, authorization);
        }
        return request;
    }
}
