package dev.partnerapps.system;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Spring's resource-URL filter, which lets pages' links to static resources be rewritten, for pages
 * only (docs/performance.md, "The platform API's CPU"). Spring Boot registers it for every request
 * because the webjars locator is present; on a platform API call or a token request it wrapped the
 * request and response for nothing, about 5% of an API call's CPU. This registration takes the
 * place of Boot's, with the same dispatcher types.
 */
@Configuration(proxyBeanMethods = false)
class ResourceUrlFilterConfig {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new PagesOnly());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /** Skips the JSON endpoints: the platform APIs and the token endpoint. */
    static final class PagesOnly extends ResourceUrlEncodingFilter {

        static boolean renders(HttpServletRequest request) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return !path.startsWith("/api/") && !path.equals("/oauth2/token");
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request instanceof HttpServletRequest http && !renders(http)) {
                chain.doFilter(request, response);
            } else {
                super.doFilter(request, response, chain);
            }
        }
    }
}
