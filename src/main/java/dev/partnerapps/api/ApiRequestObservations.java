package dev.partnerapps.api;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * Adds an {@code api} tag to Boot's {@code http.server.requests}, so API calls can be counted by
 * API and status without a second meter. Boot's observation filter runs before security, so
 * calls refused with 401 are counted too. The tag comes from a fixed list of path prefixes, not
 * the raw path, so a caller cannot create new time series; every request carries the tag
 * ({@code none} outside the APIs) because a Prometheus meter needs the same tag keys throughout.
 */
@Component
class ApiRequestObservations extends DefaultServerRequestObservationConvention {

    private static final String PREFIX = "/api/v3.0/";
    /** The second segment of each API controller's {@code @RequestMapping}. */
    private static final Set<String> APIS = Set.of("common", "expense", "travel");
    /** A path under {@code /api/} that is none of {@link #APIS}. */
    static final String OTHER = "other";
    /** Every value the tag takes under {@code /api/}. */
    static final Set<String> API_TAGS =
            Stream.concat(APIS.stream(), Stream.of(OTHER)).collect(Collectors.toUnmodifiableSet());

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        return super.getLowCardinalityKeyValues(context).and(KeyValue.of("api", api(context.getCarrier())));
    }

    static String api(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            return "none";
        }
        if (path.startsWith(PREFIX)) {
            int end = path.indexOf('/', PREFIX.length());
            String api = path.substring(PREFIX.length(), end < 0 ? path.length() : end);
            if (APIS.contains(api)) {
                return api;
            }
        }
        return OTHER;
    }
}
