package dev.partnerapps.application;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * Makes Keys and Secrets, and the digest that is all we keep of a Secret.
 *
 * <p>Why SHA-256 and not bcrypt: a generated Secret carries 256 bits from {@link SecureRandom},
 * so nobody can guess it or search for it even with the stored digest in hand; a slow password
 * hash only protects low-entropy human passwords. It would also cost 50-100 ms of CPU on every
 * token request, where the token endpoint must serve thousands per second on two cores. A
 * single SHA-256 is a few hundred nanoseconds, and comparing digests with
 * {@link MessageDigest#isEqual} takes the same time wherever they differ. A server-side pepper
 * would add nothing a 256-bit secret does not already give, and one more key to manage.
 */
@Component
public class ClientSecrets {

    static final String PREFIX = "{sha256}";
    private static final int SECRET_BYTES = 32;
    private static final int KEY_BYTES = 18;

    private final SecureRandom random = new SecureRandom();
    private final Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();

    /** A new Key: 144 random bits, URL-safe, 24 characters. Public, but not guessable. */
    String newKey() {
        return base64.encodeToString(bytes(KEY_BYTES));
    }

    /** A new Secret: 256 random bits, URL-safe, 43 characters. */
    String newSecret() {
        return base64.encodeToString(bytes(SECRET_BYTES));
    }

    /** The stored form of a Secret. */
    public String hash(CharSequence secret) {
        return PREFIX + base64.encodeToString(Sha256.of(secret));
    }

    /** Whether {@code secret} is the one {@code storedHash} was made from, in constant time. */
    public boolean matches(CharSequence secret, String storedHash) {
        if (secret == null || storedHash == null || !storedHash.startsWith(PREFIX)) {
            return false;
        }
        byte[] expected;
        try {
            expected = Base64.getUrlDecoder().decode(storedHash.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, Sha256.of(secret));
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
