package dev.partnerapps.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that drives headless Chromium against the application of {@link IntegrationTest}
 * (the same, shared context). Skipped only where Chromium is missing and {@code CI} is not set.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresBrowser.class)
@IntegrationTest
public @interface BrowserTest {
}
