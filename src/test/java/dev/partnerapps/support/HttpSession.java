package dev.partnerapps.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client over a real socket: keeps cookies, does not follow redirects,
 * and sends the CSRF token of the last page it read with each form, as a browser would.
 */
public final class HttpSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private final String forwardedFor;
    private String csrfToken;

    public HttpSession(int port) {
        this(port, null);
    }

    /**
     * A browser behind a proxy at 127.0.0.1 that reports the client address in X-Forwarded-For:
     * for an application started with {@code server.forward-headers-strategy=native}, the
     * requests come from {@code forwardedFor}.
     */
    public HttpSession(int port, String forwardedFor) {
        this.baseUrl = "http://localhost:" + port;
        this.forwardedFor = forwardedFor;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> response = send(request(path)
                .header("Accept", "text/html").GET().build());
        Matcher matcher = CSRF.matcher(response.body());
        if (matcher.find()) {
            csrfToken = matcher.group(1);
        }
        return response;
    }

    /** Posts a form with the CSRF token of the last page read. */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrfToken != null) {
            fields.putIfAbsent("_csrf", csrfToken);
        }
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Posts a form in which one field repeats (e.g. several {@code scope} values). */
    public HttpResponse<String> postMulti(String path, Map<String, String> form, String repeated, List<String> values) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrfToken != null) {
            fields.putIfAbsent("_csrf", csrfToken);
        }
        StringBuilder body = new StringBuilder(fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&")));
        for (String value : values) {
            body.append('&').append(encode(repeated)).append('=').append(encode(value));
        }
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** Signs in through the real form and returns where the server sent us. */
    public HttpResponse<String> signIn(String email, String password) {
        get("/login");
        return post("/login", Map.of("email", email, "password", password));
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        return forwardedFor == null ? builder : builder.header("X-Forwarded-For", forwardedFor);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
