package dev.partnerapps.system;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.thymeleaf.ITemplateEngine;

/** Registers {@link DatabaseOutageFilter} ahead of Spring Session's and Spring Security's filters. */
@Configuration(proxyBeanMethods = false)
class DatabaseOutageConfig {

    @Bean
    FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(ITemplateEngine templates) {
        FilterRegistrationBean<DatabaseOutageFilter> registration =
                new FilterRegistrationBean<>(new DatabaseOutageFilter(templates));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }
}
