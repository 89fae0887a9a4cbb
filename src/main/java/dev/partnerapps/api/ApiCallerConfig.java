package dev.partnerapps.api;

import java.util.List;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Where an API operation's caller comes from and where its {@link RequiresScopes} is enforced, so
 * that no handler repeats either. A handler takes an {@link ApiCaller} argument, resolved from the
 * verified token the security chain put into the security context.
 *
 * <p>The scope check is advice around the handler method rather than a {@code HandlerInterceptor}
 * on purpose: like the checks it replaces at the top of each handler, it runs after Spring MVC has
 * read and validated the arguments, so a bad id or body still answers 400 (or 415) before a missing
 * scope answers 403, and the refusal is thrown from the handler, where {@link ApiExceptionHandler}
 * turns it into the 403 insufficient_scope problem. An interceptor runs before the arguments are
 * read and would change which of the two answers a request gets.
 */
@Configuration(proxyBeanMethods = false)
class ApiCallerConfig implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ApiCallerArgumentResolver());
    }

    /**
     * Infrastructure, like the transaction advice, so the auto-proxy creator in place applies it;
     * first in order, so a refused call opens no transaction.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor requiredScopesAdvisor() {
        MethodInterceptor check = invocation -> {
            RequiresScopes required = AnnotatedElementUtils.findMergedAnnotation(invocation.getMethod(),
                    RequiresScopes.class);
            if (required != null) {
                currentCaller().require(required.value());
            }
            return invocation.proceed();
        };
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
                new AnnotationMatchingPointcut(RestController.class, RequiresScopes.class, true), check);
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return advisor;
    }

    private static ApiCaller currentCaller() {
        return ApiCaller.of(SecurityContextHolder.getContext().getAuthentication());
    }

    private static final class ApiCallerArgumentResolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return ApiCaller.class.equals(parameter.getParameterType());
        }

        @Override
        public ApiCaller resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                NativeWebRequest request, WebDataBinderFactory binderFactory) {
            return currentCaller();
        }
    }
}
