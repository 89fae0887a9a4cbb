package dev.partnerapps.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerapps.support.IntegrationTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.aop.config.AopConfigUtils;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.autoproxy.InfrastructureAdvisorAutoProxyCreator;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.metrics.TomcatMetricsBinder;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.util.ClassUtils;

/**
 * What was left out of a start (docs/performance.md, "What a start no longer does") without changing what the
 * app does: no AspectJ auto-proxying (there are no aspects), yet {@code @Transactional} still applies through
 * class proxies; no Tomcat metrics binder (its only meters are Tomcat's own sessions, and ours live
 * in the database), while the other meters are still recorded; of Spring Modulith only its
 * annotations (docs/architecture.md), not its "moments" clock events; no WebSocket server.
 */
class StartupCostTests extends IntegrationTestBase {

    @Autowired
    ApplicationContext context;

    @Autowired
    MeterRegistry meters;

    @Test
    void transactionsStillApplyThroughTheInfrastructureProxyCreator() {
        assertThat(context.getBean(AopConfigUtils.AUTO_PROXY_CREATOR_BEAN_NAME))
                .isExactlyInstanceOf(InfrastructureAdvisorAutoProxyCreator.class);
        Object auditLog = context.getBean("auditLog");
        assertThat(AopUtils.isCglibProxy(auditLog)).isTrue();
        assertThat(Arrays.stream(((Advised) auditLog).getAdvisors()).map(advisor -> advisor.getAdvice()))
                .anyMatch(TransactionInterceptor.class::isInstance);
    }

    @Test
    void tomcatsSessionMetersAreNotBoundAndTheOthersAre() {
        assertThat(context.getBeanProvider(TomcatMetricsBinder.class).getIfAvailable()).isNull();
        assertThat(meters.find("tomcat.sessions.active.current").meter()).isNull();
        assertThat(meters.find("jvm.memory.used").meters()).isNotEmpty();
        assertThat(meters.find("hikaricp.connections.active").meters()).isNotEmpty();
    }

    /**
     * Tomcat's WebSocket jar made Boot start a WebSocket server container and put its filter in
     * front of every request, for endpoints the app does not have.
     */
    @Test
    void noWebSocketServerAndNoWebSocketFilterInFrontOfRequests() {
        assertThat(ClassUtils.isPresent("org.apache.tomcat.websocket.server.WsSci", null)).isFalse();
        var servletContext = ((ServletWebServerApplicationContext) context).getServletContext();
        assertThat(servletContext.getAttribute("jakarta.websocket.server.ServerContainer")).isNull();
        assertThat(servletContext.getFilterRegistrations()).isNotEmpty()
                .allSatisfy((name, registration) -> assertThat(registration.getClassName())
                        .doesNotStartWith("org.apache.tomcat.websocket"));
    }

    /**
     * Spring Modulith's starter brought its "moments" module (an hourly clock-event scheduler) and the
     * module model with ArchUnit into the jar. Only the annotations are a run-time dependency now (the
     * build's enforcer rule keeps the module model and ArchUnit out of the jar); the test starter
     * brings the model for the module tests, and no moments.
     */
    @Test
    void springModulithBringsOnlyItsAnnotations() {
        assertThat(ClassUtils.isPresent("org.springframework.modulith.NamedInterface", null)).isTrue();
        assertThat(ClassUtils.isPresent("org.springframework.modulith.moments.support.Moments", null)).isFalse();
        assertThat(context.getBeanDefinitionNames()).noneMatch(name -> name.toLowerCase().contains("moments"));
    }
}
