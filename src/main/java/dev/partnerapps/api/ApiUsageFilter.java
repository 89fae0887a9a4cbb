package dev.partnerapps.api;

import dev.partnerapps.authserver.VerifiedToken;
import dev.partnerapps.usage.UsageRecorder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts each call made with a verified token by application, company, API and the status it
 * answered (docs/product.md, "Usage and last used"). It sits in the API chain after authorization,
 * so a call without a valid token, which names no application anyone could trust, is not counted.
 */
class ApiUsageFilter extends OncePerRequestFilter {

    private static final int UNHANDLED = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;

    private final UsageRecorder usage;

    ApiUsageFilter(UsageRecorder usage) {
        this.usage = usage;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication != null && authentication.getPrincipal() instanceof OAuth2AuthenticatedPrincipal principal
                && principal.getAttribute(ApiCaller.TOKEN_ATTRIBUTE) instanceof VerifiedToken token)) {
            chain.doFilter(request, response);
            return;
        }
        int status = UNHANDLED;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            usage.apiCalled(token.applicationId(), token.companyId(), ApiRequestObservations.api(request), status);
        }
    }
}
