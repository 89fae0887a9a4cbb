package dev.partnerapps.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerapps.support.IntegrationTestBase;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.support.ServletRequestHandledEvent;
import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Savings on every request (docs/performance.md, "The platform API's CPU") that must not change what
 * is checked or shown: the firewall's rules and the platform API's bearer token resolver without
 * regular expressions, the signed-in user's model attribute and the resource-URL filter only where
 * pages are rendered, no per-request event.
 */
class RequestCostTests extends IntegrationTestBase {

    @Autowired
    WebServerApplicationContext context;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Test
    void theFirewallChecksGiveSpringSecuritysAnswerForEveryCodePoint() {
        compareForEveryCodePoint(FirewallConfig::headerValueAllowed, StrictHttpFirewall.ALLOWED_HEADER_VALUES);
        compareForEveryCodePoint(FirewallConfig::assignedAndNotControl, StrictHttpFirewall.ALLOWED_HEADER_NAMES);
        compareForEveryCodePoint(FirewallConfig::assignedAndNotControl, StrictHttpFirewall.ALLOWED_PARAMETER_NAMES);
        for (String value : List.of("", "Bearer eyJhbGciOiJFUzI1NiJ9.e30.c2ln", "tab\there", "line\nbreak", "nul\0",
                "del\u007f", "émoji 😀", "lone \ud83d surrogate", "\ud83d", "next line\u0085", "unassigned \u0378",
                "private \ue000 use", "\uffff")) {
            assertThat(FirewallConfig.headerValueAllowed(value)).as(value)
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(value));
            assertThat(FirewallConfig.assignedAndNotControl(value)).as(value)
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(value));
        }
    }

    @Test
    void theFirewallInUseStillRefusesAControlCharacterInAHeaderAndLetsATabThrough() throws Exception {
        // Tomcat passes bytes 0x80-0xFF of a header through (obsolete text); 0x85 is a control
        // character, which only the firewall refuses: 400 rather than the API's 401 for a bad token.
        assertThat(statusOf("Authorization: Bearer abc\u0085def")).isEqualTo(400);
        assertThat(statusOf("Authorization: Bearer abc\tdef")).isEqualTo(401);
        assertThat(statusOf("Authorization: Bearer abcdef")).isEqualTo(401);
    }

    @Test
    void theSignedInUserIsGivenToEveryPageControllerAndToNoApiController() {
        ControllerAdviceBean advice = ControllerAdviceBean.findAnnotatedBeans(context).stream()
                .filter(bean -> bean.getBeanType() == CurrentUserAdvice.class).findFirst().orElseThrow();
        Set<String> pages = new TreeSet<>();
        Set<String> apis = new TreeSet<>();
        handlerMapping.getHandlerMethods().values().forEach(method -> {
            Class<?> type = method.getBeanType();
            String name = type.getName();
            boolean ours = name.startsWith("dev.partnerapps.");
            boolean errors = name.equals("org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController");
            if (!ours && !errors) {
                return;
            }
            boolean api = AnnotatedElementUtils.hasAnnotation(type, ResponseBody.class);
            assertThat(advice.isApplicableToBeanType(type)).as(name).isEqualTo(!api);
            (api ? apis : pages).add(type.getSimpleName());
        });
        assertThat(pages).contains("HomeController", "BasicErrorController").hasSizeGreaterThan(10);
        assertThat(apis).isNotEmpty().allMatch(name -> name.endsWith("Controller"));
    }

    @Test
    void theResourceUrlFilterIsOursAndLeavesApiCallsAndTokenRequestsAlone() {
        List<Object> filters = context.getBeansOfType(FilterRegistrationBean.class).values().stream()
                .map(registration -> (Object) registration.getFilter())
                .filter(filter -> filter instanceof ResourceUrlEncodingFilter).toList();
        assertThat(filters).hasSize(1).allMatch(filter -> filter instanceof ResourceUrlFilterConfig.PagesOnly);

        assertThat(ResourceUrlFilterConfig.PagesOnly.renders(get("/api/v3.0/common/listitems"))).isFalse();
        assertThat(ResourceUrlFilterConfig.PagesOnly.renders(get("/oauth2/token"))).isFalse();
        assertThat(ResourceUrlFilterConfig.PagesOnly.renders(get("/oauth2/authorize"))).as("the consent page").isTrue();
        assertThat(ResourceUrlFilterConfig.PagesOnly.renders(get("/admin/web-services/applications"))).isTrue();
        assertThat(ResourceUrlFilterConfig.PagesOnly.renders(get("/"))).isTrue();
    }

    @Test
    void noRequestHandledEventIsPublished() throws Exception {
        AtomicInteger events = new AtomicInteger();
        ((ConfigurableApplicationContext) context).addApplicationListener(
                (ApplicationListener<ServletRequestHandledEvent>) event -> events.incrementAndGet());

        assertThat(statusOf("Authorization: Bearer abcdef")).isEqualTo(401);
        assertThat(statusOf("Accept: application/json")).isEqualTo(401);
        assertThat(events).hasValue(0);
    }

    @Test
    void platformApiRequestsReadTheirBearerTokenWithOurResolver() {
        SecurityFilterChain api = context.getBean("platformApiSecurityFilterChain", SecurityFilterChain.class);
        BearerTokenAuthenticationFilter filter = api.getFilters().stream()
                .filter(BearerTokenAuthenticationFilter.class::isInstance).map(BearerTokenAuthenticationFilter.class::cast)
                .findFirst().orElseThrow();
        Object converter = ReflectionTestUtils.getField(filter, "authenticationConverter");
        Object resolver = ReflectionTestUtils.getField(ReflectionTestUtils.getField(converter, "authenticationConverter"),
                "bearerTokenResolver");
        assertThat(resolver.getClass().getName()).isEqualTo("dev.partnerapps.api.BearerHeaderResolver");
    }

    private static MockHttpServletRequest get(String path) {
        return new MockHttpServletRequest("GET", path);
    }

    private static void compareForEveryCodePoint(Predicate<String> ours, Predicate<String> spring) {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String value = "a" + Character.toString(codePoint) + "b";
            if (ours.test(value) != spring.test(value)) {
                throw new AssertionError("U+%04X: ours %s, Spring Security's %s".formatted(codePoint, ours.test(value),
                        spring.test(value)));
            }
        }
    }

    /** A platform API call over a plain socket, with the header line as given (ISO-8859-1 bytes). */
    private int statusOf(String headerLine) throws Exception {
        int port = context.getWebServer().getPort();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v3.0/common/lists HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headerLine
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
