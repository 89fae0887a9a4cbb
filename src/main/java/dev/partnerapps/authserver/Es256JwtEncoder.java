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
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
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
 * Encodes our access tokens: ES256 only, signed by the key the header names (docs/performance.md,
 * "Where a token's CPU goes"). It produces the same header and claims as Spring's
 * {@code NimbusJwtEncoder}; the differences are the signature and, for the claims an access token
 * has, the JSON writer ({@link CompactJson} rather than Nimbus' own). The JDK's ECDSA (SunEC) spent
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

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final JWKSource<SecurityContext> privateKeys;
    private final Map<String, Signer> signers = new ConcurrentHashMap<>();

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
            Signer signer = signers.computeIfAbsent(key.getKeyID(), kid -> new Signer(key));
            String token = isSimple(claims) ? compact(headers, key.getKeyID(), claims, signer)
                    : throughNimbus(headers, key.getKeyID(), claims, signer);
            return new Jwt(token, claims.getIssuedAt(), claims.getExpiresAt(), headerValues, claims.getClaims());
        } catch (JOSEException | RuntimeException e) {
            throw new JwtEncodingException("The token could not be signed", e);
        }
    }

    /**
     * Header and claims written by {@link CompactJson}, as Nimbus would write them: the times as
     * whole seconds, a single audience as a string, a blank subject or id left out. Every access
     * token takes this way; only claims of other types go through Nimbus.
     */
    private static String compact(JwsHeader headers, String keyId, JwtClaimsSet claims, Signer signer) {
        CompactJson header = CompactJson.object(64).value("alg", "ES256").value("kid", keyId);
        if (headers.getType() != null) {
            header.value("typ", headers.getType());
        }
        if (headers.getContentType() != null) {
            header.value("cty", headers.getContentType());
        }
        CompactJson payload = CompactJson.object(512);
        claims.getClaims().forEach((name, value) -> {
            switch (name) {
                case JwtClaimNames.ISS -> payload.value(name, value.toString());
                case JwtClaimNames.SUB, JwtClaimNames.JTI -> {
                    if (!value.toString().isBlank()) {
                        payload.value(name, value.toString());
                    }
                }
                case JwtClaimNames.AUD -> {
                    List<String> audience = claims.getAudience();
                    if (audience.size() == 1) {
                        payload.value(name, audience.get(0));
                    } else if (!audience.isEmpty()) {
                        payload.value(name, audience);
                    }
                }
                case JwtClaimNames.EXP -> payload.number(name, claims.getExpiresAt().getEpochSecond());
                case JwtClaimNames.NBF -> payload.number(name, claims.getNotBefore().getEpochSecond());
                case JwtClaimNames.IAT -> payload.number(name, claims.getIssuedAt().getEpochSecond());
                default -> payload.value(name, value);
            }
        });
        String signingInput = BASE64.encodeToString(header.end().getBytes(StandardCharsets.UTF_8)) + '.'
                + BASE64.encodeToString(payload.end().getBytes(StandardCharsets.UTF_8));
        return signingInput + '.' + BASE64.encodeToString(signer.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Whether {@link #compact} writes these claims: the registered ones of their usual types, the rest simple. */
    static boolean isSimple(JwtClaimsSet claims) {
        for (Map.Entry<String, Object> claim : claims.getClaims().entrySet()) {
            Object value = claim.getValue();
            boolean simple = switch (claim.getKey()) {
                case JwtClaimNames.ISS -> value instanceof String || value instanceof URL;
                case JwtClaimNames.SUB, JwtClaimNames.JTI -> value instanceof String;
                case JwtClaimNames.AUD -> value instanceof Collection<?> && CompactJson.isSimple(value);
                case JwtClaimNames.EXP, JwtClaimNames.NBF, JwtClaimNames.IAT -> value instanceof Instant;
                default -> CompactJson.isSimple(value);
            };
            if (!simple) {
                return false;
            }
        }
        return true;
    }

    /** Any other claims: Nimbus writes them, as {@code NimbusJwtEncoder} would. */
    private static String throughNimbus(JwsHeader headers, String keyId, JwtClaimsSet claims, Signer signer)
            throws JOSEException {
        SignedJWT jwt = new SignedJWT(header(headers, keyId), claimsSet(claims));
        jwt.sign(signer);
        return jwt.serialize();
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
        private static final MessageDigest SHA_256;

        static {
            try {
                SHA_256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

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
            return Base64URL.encode(sign(signingInput));
        }

        /** The signature of the signing input: r and s, 32 bytes each. */
        byte[] sign(byte[] signingInput) {
            byte[] digest = sha256().digest(signingInput);
            ECDSASigner ecdsa = new ECDSASigner();
            ecdsa.init(true, new ParametersWithRandom(key, random));
            BigInteger[] rs = ecdsa.generateSignature(digest);
            byte[] signature = new byte[64];
            BigIntegers.asUnsignedByteArray(rs[0], signature, 0, 32);
            BigIntegers.asUnsignedByteArray(rs[1], signature, 32, 32);
            return signature;
        }

        /** A copy of one SHA-256 digest: cheaper than asking the providers for one per token. */
        private static MessageDigest sha256() {
            try {
                return (MessageDigest) SHA_256.clone();
            } catch (CloneNotSupportedException e) {
                try {
                    return MessageDigest.getInstance("SHA-256");
                } catch (NoSuchAlgorithmException missing) {
                    throw new IllegalStateException("No SHA-256", missing);
                }
            }
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
