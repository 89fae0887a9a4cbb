package dev.partnerapps.errors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The one metric every throttle counts its refusals in, {@value #NAME}, tagged by the limit that
 * refused (docs/throttling.md, README "Observability"). Shared so that the sign-in and
 * the token endpoint throttles publish one series family with one description.
 */
public final class ThrottledRequests {

    public static final String NAME = "partnerapps.throttled.requests";

    private ThrottledRequests() {
    }

    /** The counter of refusals by the given limit (e.g. {@code client_key}), registered if new. */
    public static Counter counter(MeterRegistry meters, String limit) {
        return Counter.builder(NAME)
                .description("Requests refused by a throttle before they were checked, by limit")
                .tag("limit", limit)
                .register(meters);
    }
}
