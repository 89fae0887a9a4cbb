package dev.partnerapps.api;

import dev.partnerapps.authserver.AccessTokens;
import dev.partnerapps.authserver.VerifiedToken;
import dev.partnerapps.usage.UsageRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.session.DisableEncodeUrlFilter;

/**
 * The platform APIs' filter chain: stateless, bearer tokens only. Every request's token is
 * verified and — live — checked against the application's state and the company's enablement
 * through {@link AccessTokens}, the same answer introspection gives.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfig {

    private static final String UNAUTHORIZED_BODY = """
            {"type":"about:blank","title":"Unauthorized","status":401,\
            "detail":"A valid, unexpired bearer token of an application enabled for the company is required."}""";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain platformApiSecurityFilterChain(HttpSecurity http, AccessTokens tokens, UsageRecorder usage,
            MeterRegistry meters) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .oauth2ResourceServer(resource -> resource
                        .bearerTokenResolver(new BearerHeaderResolver())
                        .opaqueToken(opaque -> opaque.introspector(introspector(tokens)))
                        .authenticationEntryPoint((request, response, e) -> {
                            // Missing, malformed, expired, revoked or no longer allowed: one answer.
                            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", "
                                    + "error_description=\"The access token is missing, invalid, expired or revoked\"");
                            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                            response.getWriter().write(UNAUTHORIZED_BODY);
                        }))
                .addFilterBefore(new ApiLatencyFilter(meters), DisableEncodeUrlFilter.class)
                .addFilterAfter(new ApiUsageFilter(usage), AuthorizationFilter.class);
        return http.build();
    }

    /** Not a network introspection: the token is verified in-process, then checked live. */
    private static OpaqueTokenIntrospector introspector(AccessTokens tokens) {
        return token -> {
            VerifiedToken verified = tokens.verify(token)
                    .orElseThrow(() -> new BadOpaqueTokenException("Invalid or no longer allowed token"));
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("sub", verified.subject() == null ? verified.clientId() : verified.subject());
            attributes.put("client_id", verified.clientId());
            attributes.put(ApiCaller.TOKEN_ATTRIBUTE, verified);
            List<GrantedAuthority> authorities = verified.scopes().stream()
                    .map(scope -> (GrantedAuthority) new SimpleGrantedAuthority("SCOPE_" + scope)).toList();
            return new DefaultOAuth2AuthenticatedPrincipal(verified.clientId(), attributes, authorities);
        };
    }
}
