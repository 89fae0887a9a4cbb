package dev.partnerapps.api;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a row's sort key into the opaque {@code cursor} of a {@code next} URL and back.
 *
 * <p>A cursor is base64url of {@code version, the sort key values, MAC}, the MAC an
 * HMAC-SHA256 (cut to 128 bits) over the values <em>and</em> the request it was made for
 * (collection, company, filters) — which the cursor does not carry. So a changed byte, a
 * cursor of another collection, list or company, or one a client made up, all fail the
 * same check and answer 400. The MAC keeps the format ours to change; it is not what keeps
 * data safe: the queries bound every page by the token's company and the request's filters,
 * so even a forged cursor could only move within what the token may read anyway.
 */
final class CursorCodec {

    static final int MAX_LENGTH = 512;
    private static final byte VERSION = 1;
    private static final int MAC_BYTES = 16;
    private static final byte TEXT = 'S';
    private static final byte NUMBER = 'L';

    private final Supplier<byte[]> key;

    CursorCodec(Supplier<byte[]> key) {
        this.key = key;
    }

    String encode(String binding, List<?> values) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeByte(values.size());
            for (Object value : values) {
                if (value instanceof String text) {
                    out.writeByte(TEXT);
                    out.writeUTF(text);
                } else if (value instanceof Long || value instanceof Integer) {
                    out.writeByte(NUMBER);
                    out.writeLong(((Number) value).longValue());
                } else {
                    throw new IllegalArgumentException("A cursor holds text and whole numbers, not " + value);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] payload = bytes.toByteArray();
        byte[] cursor = Arrays.copyOf(payload, payload.length + MAC_BYTES);
        System.arraycopy(mac(binding, payload), 0, cursor, payload.length, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor);
    }

    /** The sort key values of a cursor made by {@link #encode} for the same binding; anything else is a 400. */
    List<Object> decode(String binding, String cursor) {
        if (cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (bytes.length < 2 + MAC_BYTES) {
            throw invalid();
        }
        byte[] payload = Arrays.copyOf(bytes, bytes.length - MAC_BYTES);
        byte[] given = Arrays.copyOfRange(bytes, payload.length, bytes.length);
        if (!MessageDigest.isEqual(given, mac(binding, payload))) {
            throw invalid();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            if (in.readByte() != VERSION) {
                throw invalid();
            }
            int count = in.readUnsignedByte();
            List<Object> values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte type = in.readByte();
                values.add(switch (type) {
                    case TEXT -> in.readUTF();
                    case NUMBER -> in.readLong();
                    default -> throw invalid();
                });
            }
            if (in.available() > 0) {
                throw invalid();
            }
            return values;
        } catch (IOException e) {
            throw invalid();
        }
    }

    private byte[] mac(String binding, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.get(), "HmacSHA256"));
            mac.update(binding.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    static BadApiRequestException invalid() {
        return new BadApiRequestException("Parameter 'cursor' is not a cursor this collection gave for this request: "
                + "follow 'next' as given, with the same listId or other filters.");
    }
}
