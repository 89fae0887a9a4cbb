package dev.partnerapps.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the one digest kept instead of a credential: a Secret ({@link ClientSecrets}) and the
 * authorization server's codes and refresh tokens. Here, at the root of the module that already
 * owns Secrets, so that both share one implementation without a module of their own.
 */
public final class Sha256 {

    private Sha256() {
    }

    /** The digest of the value's UTF-8 bytes. */
    public static byte[] of(CharSequence value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The digest of the value's UTF-8 bytes, as lower-case hex. */
    public static String hex(CharSequence value) {
        return HexFormat.of().formatHex(of(value));
    }
}
