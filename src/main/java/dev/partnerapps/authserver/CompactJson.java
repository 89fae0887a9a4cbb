package dev.partnerapps.authserver;

import java.util.Collection;

/**
 * Writes the few JSON shapes the token endpoint answers with on every request (the token's header
 * and claims, and the token response): strings, whole numbers, booleans and lists of strings,
 * straight into a {@link StringBuilder}. General-purpose writers (Jackson through Spring's message
 * converter, Nimbus' JSON utilities) cost a tenth of a token's CPU for these few bytes; see
 * docs/performance.md, "The token's JSON, written directly". Anything else is not written here:
 * callers check {@link #isSimple(Object)} and leave other values to the general writers.
 */
final class CompactJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out;
    private boolean first = true;

    private CompactJson(StringBuilder out) {
        this.out = out;
    }

    /** Starts an object; {@link #end()} closes it and returns the text. */
    static CompactJson object(int capacity) {
        CompactJson json = new CompactJson(new StringBuilder(capacity));
        json.out.append('{');
        return json;
    }

    /** Whether {@link #value(String, Object)} writes this value (and so no other writer is needed). */
    static boolean isSimple(Object value) {
        if (value instanceof String || isLiteral(value)) {
            return true;
        }
        if (value instanceof Collection<?> values) {
            for (Object element : values) {
                if (!(element instanceof String)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** A boolean or a whole number of a fixed-size type: written as Java prints it. */
    private static boolean isLiteral(Object value) {
        return value instanceof Boolean || value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte;
    }

    CompactJson value(String name, Object value) {
        name(name);
        if (value instanceof String text) {
            string(text);
        } else if (isLiteral(value)) {
            out.append(value);
        } else if (value instanceof Collection<?> values && isSimple(values)) {
            out.append('[');
            boolean firstElement = true;
            for (Object element : values) {
                if (!firstElement) {
                    out.append(',');
                }
                firstElement = false;
                string((String) element);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("Not a simple JSON value: " + (value == null ? null : value.getClass()));
        }
        return this;
    }

    CompactJson number(String name, long value) {
        name(name);
        out.append(value);
        return this;
    }

    String end() {
        return out.append('}').toString();
    }

    private void name(String name) {
        if (!first) {
            out.append(',');
        }
        first = false;
        string(name);
        out.append(':');
    }

    /** A JSON string (RFC 8259 section 7): quote, backslash and control characters escaped. */
    private void string(String text) {
        out.append('"');
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                switch (c) {
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case '\b' -> out.append("\\b");
                    case '\f' -> out.append("\\f");
                    default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                }
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
