package dev.partnerapps.authserver;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.util.BigIntegers;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtEncodingException;

/**
 * Encodes our access tokens: ES256 only, signed by the key the header names (docs/operations.md,
 * "Where a token's CPU goes"). It produces the same header and claims as Spring's
 * {@code NimbusJwtEncoder}; the difference is the signature itself. The JDK's ECDSA (SunEC) spent
 * about 300 µs of CPU on a P-256 signature on the 2-core benchmark machine, half of a token's whole
 * cost; Bouncy Castle's P-256 arithmetic (its specialised curve and fixed-base comb multiplication)
 * signs the same in about 110 µs. The nonce k comes from the JVM's default {@link SecureRandom},
 * as the JDK's own ECDSA does. Verification stays with the JDK: every signature is checked by the
 * JDK's ECDSA in the tests and by anyone who verifies our tokens.
 *
 * <p>{@code NimbusJwtEncoder} offers no way to choose the signature's implementation, hence this
 * class rather than a setting.
 */
final class Es256JwtEncoder implements JwtEncoder {

    /** The headers we write; any other is refused rather than silently dropped. */
    private static final Set<String> SUPPORTED_HEADERS = Set.of("alg", "kid", "typ", "cty");

    private final JWKSource<SecurityContext> privateKeys;
    private final Map<String, JWSSigner> signers = new ConcurrentHashMap<>();

    Es256JwtEncoder(JWKSource<SecurityContext> privateKeys) {
        this.privateKeys = privateKeys;
    }

    @Override
    public Jwt encode(JwtEncoderParameters parameters) throws JwtEncodingException {
        JwsHeader headers = parameters.getJwsHeader();
        JwtClaimsSet claims = parameters.getClaims();
        if (headers == null || headers.getAlgorithm() != SignatureAlgorithm.ES256) {
            throw new JwtEncodingException("Only ES256 tokens can be encoded");
        }
        for (String name : headers.getHeaders().keySet()) {
            if (!SUPPORTED_HEADERS.contains(name)) {
                throw new JwtEncodingException("Unsupported JWS header " + name);
            }
        }
        ECKey key = signingKey(headers.getKeyId());
        Map<String, Object> headerValues = new LinkedHashMap<>(headers.getHeaders());
        headerValues.put("kid", key.getKeyID());
        try {
            SignedJWT jwt = new SignedJWT(header(headers, key.getKeyID()), claimsSet(claims));
            jwt.sign(signers.computeIfAbsent(key.getKeyID(), kid -> new Signer(key)));
            return new Jwt(jwt.serialize(), claims.getIssuedAt(), claims.getExpiresAt(), headerValues, claims.getClaims());
        } catch (JOSEException | RuntimeException e) {
            throw new JwtEncodingException("The token could not be signed", e);
        }
    }

    /** The private P-256 key with that id, or the only one when no id is given (as NimbusJwtEncoder). */
    private ECKey signingKey(String keyId) {
        JWKMatcher.Builder matcher = new JWKMatcher.Builder().keyType(KeyType.EC).curve(Curve.P_256).privateOnly(true);
        if (keyId != null) {
            matcher.keyID(keyId);
        }
        List<JWK> found;
        try {
            found = privateKeys.get(new JWKSelector(matcher.build()), null);
        } catch (Exception e) {
            throw new JwtEncodingException("The signing keys could not be read", e);
        }
        if (found.size() != 1) {
            throw new JwtEncodingException(found.isEmpty() ? "No signing key " + (keyId == null ? "" : keyId)
                    : "More than one signing key matches; name one with kid");
        }
        return found.get(0).toECKey();
    }

    private static JWSHeader header(JwsHeader headers, String keyId) {
        JWSHeader.Builder builder = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId);
        if (headers.getType() != null) {
            builder.type(new JOSEObjectType(headers.getType()));
        }
        if (headers.getContentType() != null) {
            builder.contentType(headers.getContentType());
        }
        return builder.build();
    }

    /** The registered claims by their types, the rest as they are: what NimbusJwtEncoder writes. */
    private static JWTClaimsSet claimsSet(JwtClaimsSet claims) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        Object issuer = claims.getClaim(JwtClaimNames.ISS);
        if (issuer != null) {
            builder.issuer(issuer.toString());
        }
        if (claims.getSubject() != null && !claims.getSubject().isBlank()) {
            builder.subject(claims.getSubject());
        }
        if (claims.getAudience() != null && !claims.getAudience().isEmpty()) {
            builder.audience(claims.getAudience());
        }
        if (claims.getExpiresAt() != null) {
            builder.expirationTime(Date.from(claims.getExpiresAt()));
        }
        if (claims.getNotBefore() != null) {
            builder.notBeforeTime(Date.from(claims.getNotBefore()));
        }
        if (claims.getIssuedAt() != null) {
            builder.issueTime(Date.from(claims.getIssuedAt()));
        }
        if (claims.getId() != null && !claims.getId().isBlank()) {
            builder.jwtID(claims.getId());
        }
        claims.getClaims().forEach((name, value) -> {
            if (!JWTClaimsSet.getRegisteredNames().contains(name)) {
                builder.claim(name, value);
            }
        });
        return builder.build();
    }

    /** ES256 with Bouncy Castle's ECDSA: SHA-256, then r and s as 32 bytes each (RFC 7518, 3.4). */
    static final class Signer implements JWSSigner {

        private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
        private static final ECDomainParameters DOMAIN = new ECDomainParameters(P256);

        private final ECPrivateKeyParameters key;
        private final SecureRandom random = new SecureRandom();
        private final JCAContext context = new JCAContext();

        Signer(ECKey jwk) {
            if (!Curve.P_256.equals(jwk.getCurve())) {
                throw new IllegalArgumentException("ES256 needs a P-256 key");
            }
            try {
                this.key = new ECPrivateKeyParameters(jwk.toECPrivateKey().getS(), DOMAIN);
            } catch (JOSEException e) {
                throw new IllegalArgumentException("Not a private EC key", e);
            }
        }

        @Override
        public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
            if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
                throw new JOSEException("Only ES256 is signed here");
            }
            byte[] digest;
            try {
                digest = MessageDigest.getInstance("SHA-256").digest(signingInput);
            } catch (NoSuchAlgorithmException e) {
                throw new JOSEException("No SHA-256", e);
            }
            ECDSASigner ecdsa = new ECDSASigner();
            ecdsa.init(true, new ParametersWithRandom(key, random));
            BigInteger[] rs = ecdsa.generateSignature(digest);
            byte[] signature = new byte[64];
            BigIntegers.asUnsignedByteArray(rs[0], signature, 0, 32);
            BigIntegers.asUnsignedByteArray(rs[1], signature, 32, 32);
            return Base64URL.encode(signature);
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.ES256);
        }

        @Override
        public JCAContext getJCAContext() {
            return context;
        }
    }
}
