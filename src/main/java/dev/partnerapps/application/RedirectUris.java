package dev.partnerapps.application;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The redirect URI rules of docs/product.md section 2. The authorization endpoint compares URIs
 * exactly, so what is accepted here is what must be sent there, character for character.
 */
final class RedirectUris {

    static final int MAX_URIS = 10;
    static final int MAX_LENGTH = 2000;

    private RedirectUris() {
    }

    record Checked(List<String> uris, List<String> problems) {
    }

    /** One URI per line; blank lines are ignored and repeats kept once. */
    static Checked check(String text) {
        Set<String> uris = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        int lineNumber = 0;
        for (String line : lines) {
            lineNumber++;
            String uri = line.strip();
            if (uri.isEmpty()) {
                continue;
            }
            String problem = problemWith(uri);
            if (problem != null) {
                problems.add("Line " + lineNumber + ": " + problem);
            } else {
                uris.add(uri);
            }
        }
        if (uris.size() > MAX_URIS) {
            problems.add("Register at most " + MAX_URIS + " redirect URIs.");
        }
        return new Checked(List.copyOf(uris), problems);
    }

    private static String problemWith(String value) {
        if (value.length() > MAX_LENGTH) {
            return "a redirect URI may have at most " + MAX_LENGTH + " characters.";
        }
        if (value.contains("*")) {
            return "wildcards are not allowed.";
        }
        if (value.contains("#")) {
            return "a redirect URI must not contain a fragment (#).";
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return "this is not a valid URI.";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawAuthority() == null) {
            return "use an absolute https URI such as https://app.example.com/callback.";
        }
        if (uri.getRawUserInfo() != null) {
            return "a redirect URI must not contain user information (user@).";
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return "the URI has no valid host.";
        }
        boolean loopback = host.equalsIgnoreCase("localhost") || host.equals("127.0.0.1");
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            return "use https (http is allowed only for localhost and 127.0.0.1).";
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().toLowerCase(Locale.ROOT);
        if (path.contains("%2e") || path.contains("%2f") || path.contains("%5c") || hasDotSegment(path)) {
            return "the path must not contain dot segments or encoded separators.";
        }
        return null;
    }

    private static boolean hasDotSegment(String path) {
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }
}
