package dev.partnerapps.authserver;

import dev.partnerapps.application.ClientSecrets;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Verifies a presented Secret against the stored SHA-256 digest (see {@link ClientSecrets} for
 * why not bcrypt). Never asks for an upgrade, so client authentication never writes.
 */
class ClientSecretEncoder implements PasswordEncoder {

    private final ClientSecrets secrets;

    ClientSecretEncoder(ClientSecrets secrets) {
        this.secrets = secrets;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return rawPassword == null ? null : secrets.hash(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return secrets.matches(rawPassword, encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return false;
    }
}
