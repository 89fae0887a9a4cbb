package dev.partnerapps.paging;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Links to the page being rendered with some query parameters changed: how paging and sorting
 * keep the search and filters in the URL, so a bookmark or Back shows the same list. Values are
 * percent-encoded ({@code +} becomes {@code %2B}, a space {@code %20}).
 */
public final class CurrentUrl {

    private CurrentUrl() {
    }

    /** The current path and query with the given name/value pairs set (a null or empty value removes it). */
    public static String with(String... namesAndValues) {
        HttpServletRequest request = request();
        // A GET's parameters are its URL's. After a POST only the URL's own query counts: a form
        // shown again must never put its fields (a password, say) into links.
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if ("GET".equals(request.getMethod())) {
            request.getParameterMap().forEach((name, values) -> parameters.put(name, List.of(values)));
        } else if (request.getQueryString() != null) {
            for (String pair : request.getQueryString().split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                parameters.computeIfAbsent(name, n -> new ArrayList<>())
                        .add(equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        parameters.keySet().removeIf(name -> name.isEmpty() || name.startsWith("_"));
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value == null || value.isEmpty()) {
                parameters.remove(namesAndValues[i]);
            } else {
                parameters.put(namesAndValues[i], List.of(value));
            }
        }
        StringJoiner query = new StringJoiner("&");
        parameters.forEach((name, values) -> values.stream()
                .filter(value -> !value.isEmpty())
                .forEach(value -> query.add(encode(name) + "=" + encode(value))));
        return request.getRequestURI() + (query.length() == 0 ? "" : "?" + query);
    }

    /** The current path without any query. */
    public static String path() {
        return request().getRequestURI();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String encode(String text) {
        // %20 rather than +: the same to a servlet container, and unambiguous to every other parser.
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static HttpServletRequest request() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }
}
