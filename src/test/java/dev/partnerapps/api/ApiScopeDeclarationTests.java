package dev.partnerapps.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The scope check runs only where {@link RequiresScopes} is declared, so an operation that forgot
 * it would answer any valid token of the company: every API operation must declare its scopes.
 */
class ApiScopeDeclarationTests {

    @Test
    void everyPlatformApiOperationDeclaresTheScopesItNeeds() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        List<String> operations = new ArrayList<>();
        List<String> undeclared = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(ApiCaller.class.getPackageName())) {
            Class<?> controller = ClassUtils.resolveClassName(candidate.getBeanClassName(),
                    getClass().getClassLoader());
            for (Method method : controller.getDeclaredMethods()) {
                if (!AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class)) {
                    continue;
                }
                String name = controller.getSimpleName() + "." + method.getName();
                operations.add(name);
                RequiresScopes scopes = method.getAnnotation(RequiresScopes.class);
                if (scopes == null || scopes.value().length == 0) {
                    undeclared.add(name);
                }
            }
        }
        // The three APIs' eleven operations were found, so the scan itself cannot pass by finding nothing.
        assertThat(operations).hasSizeGreaterThanOrEqualTo(11);
        assertThat(undeclared).isEmpty();
    }
}
