package dev.partnerapps.system;

import dev.partnerapps.company.Roles;
import dev.partnerapps.company.SignInAuthentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/** The console's filter chain: form sign-in, sessions in the database, role rules per URL. */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfig {

    /**
     * No Micrometer observations of Spring Security's own: of every filter of every chain, of each
     * authentication and each authorization decision. Nothing reads them (no tracing is set up,
     * and the dashboard uses the project's own counters and http_server_requests), yet with a
     * meter registry each filter's event registered a meter on every request: about 11% of the
     * token endpoint's CPU in a profile (docs/performance.md, "Where a token's CPU goes").
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    /** Shared with the sign-up controller, which signs the new sandbox administrator in. */
    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE - 10)
    SecurityFilterChain consoleSecurityFilterChain(HttpSecurity http,
            SecurityContextRepository securityContextRepository, SignInAuthentication signIn) throws Exception {
        http
            .authenticationManager(signIn.authenticationManager())
            .authorizeHttpRequests(authorize -> authorize
                .requestMatchers("/login", "/signup", "/error", "/error/**", "/webjars/**", "/assets/**",
                        "/favicon.ico", "/actuator/health", "/actuator/health/**",
                        "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                .requestMatchers("/admin/web-services/users", "/admin/web-services/users/**")
                    .hasRole(Roles.COMPANY_ADMIN)
                .requestMatchers("/admin/web-services/applications", "/admin/web-services/applications/**")
                    .hasRole(Roles.PARTNER_DEVELOPER)
                .requestMatchers("/admin/web-services/enabled-applications", "/admin/web-services/enabled-applications/**")
                    .hasRole(Roles.WEB_SERVICES_ADMIN)
                .requestMatchers("/admin/web-services/reviews", "/admin/web-services/reviews/**",
                        "/admin/web-services/signing-keys", "/admin/web-services/signing-keys/**",
                        "/admin/web-services/sign-in-locks", "/admin/web-services/sign-in-locks/**")
                    .hasRole(Roles.PLATFORM_STAFF)
                .requestMatchers("/admin/**")
                    .hasAnyRole(Roles.WEB_SERVICES_ADMIN, Roles.COMPANY_ADMIN, Roles.PLATFORM_STAFF)
                .anyRequest().authenticated())
            .formLogin(form -> form
                .loginPage("/login")
                .usernameParameter("email")
                .passwordParameter("password")
                .failureUrl("/login?error")
                .permitAll())
            .logout(logout -> logout
                .logoutUrl("/logout")
                .logoutSuccessUrl("/login?signedOut"))
            .securityContext(context -> context.securityContextRepository(securityContextRepository))
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
