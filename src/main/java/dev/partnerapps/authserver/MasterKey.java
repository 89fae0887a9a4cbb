package dev.partnerapps.authserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts the signing keys' private parts at rest (AES-256-GCM). The key comes from
 * configuration; only the embedded profile may generate one into its data folder.
 */
final class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private MasterKey(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("partnerapps.oauth.master-key must be base64 of exactly 32 bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    static MasterKey of(OAuthProperties properties) {
        if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
            return new MasterKey(decode(properties.masterKey().strip()));
        }
        if (properties.masterKeyFile() != null && !properties.masterKeyFile().isBlank()) {
            return fromFile(Path.of(properties.masterKeyFile()));
        }
        throw new IllegalStateException("No master key: set partnerapps.oauth.master-key (PARTNERAPPS_OAUTH_MASTER_KEY) "
                + "to base64 of 32 random bytes, e.g. the output of: openssl rand -base64 32");
    }

    private static MasterKey fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return new MasterKey(decode(Files.readString(file, StandardCharsets.US_ASCII).strip()));
            }
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's own permissions apply
            }
            log.info("Generated a new master key in {}", file.toAbsolutePath());
            return new MasterKey(key);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key file " + file, e);
        }
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("partnerapps.oauth.master-key is not valid base64", e);
        }
    }

    String encrypt(byte[] plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a signing key", e);
        }
    }

    byte[] decrypt(String encrypted) {
        try {
            byte[] in = Base64.getDecoder().decode(encrypted);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, NONCE_BYTES));
            return cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt a signing key: is partnerapps.oauth.master-key the one "
                    + "the keys were made with?", e);
        }
    }
}
