package dev.partnerapps.authserver;

import dev.partnerapps.application.ClientSecrets;
import dev.partnerapps.application.OAuthClient;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Verifies a presented Secret against the SHA-256 digests of the application's working Secrets
 * (see {@link ClientSecrets} for why not bcrypt). Never asks for an upgrade, so client
 * authentication never writes.
 *
 * <p>The client's stored secret is the form {@link #encoded} makes of its Secrets: one entry per
 * Secret, {@code id:validUntil:digest}, comma-separated, validUntil in epoch milliseconds or empty
 * for no limit. Usually there is one entry without a limit: one digest is computed and compared,
 * as before Secrets could overlap, and the clock is not read. A limit (the end of an overlap, an
 * expiry) is compared with the Clock at each verification, so a client cached before the limit
 * passed is still refused after it, with the same invalid_client as a wrong Secret.
 *
 * <p>Not a bean: a PasswordEncoder bean would become the one for people's passwords.
 */
class ClientSecretEncoder implements PasswordEncoder {

    /** What {@link #matchingSecret} answers when no working Secret matches. */
    static final long NO_MATCH = -1;

    private final ClientSecrets secrets;
    private final Clock clock;
    private final LongConsumer used;

    /** {@code used} hears the id of each Secret that matched: the Secrets table's "Last used". */
    ClientSecretEncoder(ClientSecrets secrets, Clock clock, LongConsumer used) {
        this.secrets = secrets;
        this.clock = clock;
        this.used = used;
    }

    /** The stored form of an application's working Secrets, as a RegisteredClient carries it. */
    static String encoded(List<OAuthClient.Secret> working) {
        StringBuilder encoded = new StringBuilder();
        for (OAuthClient.Secret secret : working) {
            if (!encoded.isEmpty()) {
                encoded.append(',');
            }
            Instant until = secret.validUntil();
            encoded.append(secret.id()).append(':').append(until == null ? "" : until.toEpochMilli()).append(':')
                    .append(secret.digest());
        }
        return encoded.toString();
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return rawPassword == null ? null : secrets.hash(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        long id = matchingSecret(rawPassword, encodedPassword);
        if (id == NO_MATCH) {
            return false;
        }
        used.accept(id);
        return true;
    }

    /** The id of the working Secret that {@code raw} is, or {@link #NO_MATCH}. */
    long matchingSecret(CharSequence raw, String encoded) {
        if (raw == null || encoded == null) {
            return NO_MATCH;
        }
        long now = NO_MATCH;
        int start = 0;
        while (start < encoded.length()) {
            int end = encoded.indexOf(',', start);
            end = end < 0 ? encoded.length() : end;
            int idEnd = encoded.indexOf(':', start);
            int untilEnd = idEnd < 0 ? -1 : encoded.indexOf(':', idEnd + 1);
            if (idEnd < 0 || untilEnd < 0 || untilEnd > end) {
                return NO_MATCH;
            }
            boolean working = true;
            if (untilEnd > idEnd + 1) {
                if (now == NO_MATCH) {
                    now = clock.millis();
                }
                working = now < Long.parseLong(encoded, idEnd + 1, untilEnd, 10);
            }
            if (working && secrets.matches(raw, encoded.substring(untilEnd + 1, end))) {
                return Long.parseLong(encoded, start, idEnd, 10);
            }
            start = end + 1;
        }
        return NO_MATCH;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return false;
    }
}
