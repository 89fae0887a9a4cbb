package dev.partnerapps.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Reads the bearer token of a platform API request (docs/performance.md, "The platform API's CPU"):
 * a well-formed {@code Authorization: Bearer <token>} header is checked by a loop over its
 * characters, the rule of Spring Security's {@link DefaultBearerTokenResolver} (RFC 6750's
 * {@code b64token}: letters, digits, {@code -._~+/}, then {@code =} padding, after {@code Bearer} in
 * any case and one space) without its regular expression, which cost several percent of a list-items
 * call for a token of several hundred characters. Everything else (no header, another scheme, a
 * malformed token) is left to Spring's resolver, so those answers are Spring's own.
 */
final class BearerHeaderResolver implements BearerTokenResolver {

    private static final String SCHEME = "Bearer ";

    private final BearerTokenResolver spring = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && wellFormed(header)) {
            return header.substring(SCHEME.length());
        }
        return spring.resolve(request);
    }

    static boolean wellFormed(String header) {
        int length = header.length();
        if (length <= SCHEME.length() || !schemeMatches(header)) {
            return false;
        }
        int i = SCHEME.length();
        while (i < length && tokenCharacter(header.charAt(i))) {
            i++;
        }
        if (i == SCHEME.length()) {
            return false;
        }
        while (i < length && header.charAt(i) == '=') {
            i++;
        }
        return i == length;
    }

    /** "Bearer " in ASCII letters of any case, as the regular expression's CASE_INSENSITIVE flag reads it. */
    private static boolean schemeMatches(String header) {
        for (int i = 0; i < SCHEME.length(); i++) {
            char c = header.charAt(i);
            char expected = SCHEME.charAt(i);
            if (c != expected && (expected == ' ' || (c | 0x20) != (expected | 0x20))) {
                return false;
            }
        }
        return true;
    }

    private static boolean tokenCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
