package dev.partnerapps.authserver;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * Mints tokens with the server's own current key, for what the token endpoint never issues (e.g. expired ones).
 * It lives in the authserver test package so that it reaches the package-private {@link SigningKeys} bean by
 * its type; other modules' tests hand it their application context.
 */
public final class TestTokens {

    private TestTokens() {
    }

    /** A copy of {@code claims} signed by the application's current key, with the given expiry. */
    public static String signed(ApplicationContext context, Map<String, Object> claims, Date expires) throws Exception {
        ECKey key = context.getBean(SigningKeys.class).current().toECKey();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        claims.forEach(builder::claim);
        builder.jwtID(UUID.randomUUID().toString()).expirationTime(expires)
                .issueTime(new Date(expires.getTime() - 3_600_000)).notBeforeTime(new Date(expires.getTime() - 3_600_000));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), builder.build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }
}
