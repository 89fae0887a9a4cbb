package dev.partnerapps.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scopes an API operation needs, all of them: declared once on the handler method, enforced by
 * {@link ApiCallerConfig} (403 insufficient_scope naming them, in this order) and written into the
 * operation's OpenAPI security requirement by {@link OpenApiConfig}.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresScopes {

    String[] value();
}
