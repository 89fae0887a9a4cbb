package dev.partnerapps.system;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The actuator's filter chain (docs/product.md section 9). Health is public for load balancers. The
 * Prometheus scrape needs no sign-in but is only answered where the network already keeps it
 * private: on the separate management port (postgres profile, bound to a private address) or,
 * when it shares the main port, to a request from this machine. Everything else needs a console
 * sign-in. A refusal is a plain 401 or 403, never a redirect to a sign-in page that a scraper
 * cannot use and that does not exist on the management port.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurityConfig {

    private static final String MANAGEMENT = "management";
    private static final IpAddressMatcher LOOPBACK_V4 = new IpAddressMatcher("127.0.0.0/8");
    private static final IpAddressMatcher LOOPBACK_V6 = new IpAddressMatcher("::1");

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE - 20)
    SecurityFilterChain managementSecurityFilterChain(HttpSecurity http,
            SecurityContextRepository securityContextRepository) throws Exception {
        RequestMatcher onManagementServer = ManagementSecurityConfig::onManagementServer;
        http.securityMatcher(new OrRequestMatcher(EndpointRequest.toAnyEndpoint(), onManagementServer,
                        EndpointRequest.toAdditionalPaths(WebServerNamespace.SERVER, "health")))
            .authorizeHttpRequests(authorize -> authorize
                .requestMatchers(EndpointRequest.to("health"),
                        EndpointRequest.toAdditionalPaths(WebServerNamespace.SERVER, "health")).permitAll()
                .requestMatchers(EndpointRequest.to("prometheus")).access(fromManagementNetwork())
                .anyRequest().authenticated())
            .securityContext(context -> context.securityContextRepository(securityContextRepository))
            .requestCache(cache -> cache.disable())
            .exceptionHandling(exceptions -> exceptions
                .authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
        return http.build();
    }

    private static AuthorizationManager<RequestAuthorizationContext> fromManagementNetwork() {
        return (authentication, context) -> {
            HttpServletRequest request = context.getRequest();
            return new AuthorizationDecision(onManagementServer(request) || isLoopback(request.getRemoteAddr()));
        };
    }

    /** Whether the request arrived on the separate management server rather than the main one. */
    private static boolean onManagementServer(HttpServletRequest request) {
        WebApplicationContext context = WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
        return context != null && WebServerApplicationContext.hasServerNamespace(context, MANAGEMENT);
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isEmpty()) {
            return false;
        }
        try {
            return LOOPBACK_V4.matches(address) || LOOPBACK_V6.matches(address);
        } catch (IllegalArgumentException e) {
            // Not an address literal: never trusted.
            return false;
        }
    }
}
