package dev.partnerapps.system;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The console's icon at {@code /favicon.ico}, where browsers and other clients look for it without
 * being told; the pages also name it (fragments/layout.html). Static files are otherwise served under
 * {@code /assets/}, and the icon's absence answered every first page view with a 404 and a warning
 * in the log (docs/console.md).
 */
@Configuration(proxyBeanMethods = false)
class FaviconConfig implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/favicon.ico")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic());
    }
}
