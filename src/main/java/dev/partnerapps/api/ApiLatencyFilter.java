package dev.partnerapps.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Times every platform API call, refusals included, into {@value #NAME} by API, with latency buckets,
 * so that a p99 per API can be read from the scrape (the dashboard's API latency panel). Boot's
 * {@code http.server.requests} stays without buckets: on every request they cost the token endpoint
 * 3.3% of its CPU, and Prometheus takes a metric's buckets for all of its series or for none
 * (README, "Observability"). It is the first filter of the API chain, so only API calls pay for it.
 */
final class ApiLatencyFilter implements Filter {

    static final String NAME = "partnerapps.api.latency";

    /** Bounds around the APIs' 30 ms target, up to the 2.5 s that only a stalled call reaches. */
    private static final Duration[] BOUNDS = { Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20),
            Duration.ofMillis(30), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500) };

    /** By the {@code api} tag; registered up front, so the dashboard has series before the first call. */
    private final Map<String, Timer> timers;

    ApiLatencyFilter(MeterRegistry meters) {
        this.timers = ApiRequestObservations.API_TAGS.stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
                api -> Timer.builder(NAME)
                        .description("Platform API calls, from the API chain's first filter to the answer, by API")
                        .tag("api", api)
                        .serviceLevelObjectives(BOUNDS)
                        .register(meters)));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            Timer timer = timers.get(ApiRequestObservations.api((HttpServletRequest) request));
            if (timer != null) {
                timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        }
    }
}
