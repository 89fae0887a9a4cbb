package dev.partnerapps.authserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtEncodingException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The access-token encoder that signs with Bouncy Castle: every signature must verify with the
 * JDK's own ECDSA, and header and claims must be what Spring's NimbusJwtEncoder writes.
 */
class Es256JwtEncoderTests {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private final ECKey first = newKey("k1");
    private final ECKey second = newKey("k2");
    private final JWKSource<SecurityContext> bothKeys = new ImmutableJWKSet<>(new JWKSet(List.of(first, second)));

    @Test
    void everySignatureVerifiesWithTheJdksEcdsaAndOnlyForItsOwnKeyAndContent() throws Exception {
        Es256JwtEncoder encoder = new Es256JwtEncoder(bothKeys);
        for (int i = 0; i < 200; i++) {
            ECKey key = i % 2 == 0 ? first : second;
            Jwt jwt = encoder.encode(JwtEncoderParameters.from(header(key.getKeyID()), claims("client-" + i)));
            String[] parts = jwt.getTokenValue().split("\\.");
            byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
            byte[] signature = Base64.getUrlDecoder().decode(parts[2]);

            assertThat(signature).hasSize(64);
            assertThat(jdkVerifies(key, signed, signature)).as("token %d by the JDK", i).isTrue();
            assertThat(jdkVerifies(key == first ? second : first, signed, signature)).as("the other key").isFalse();
            byte[] otherContent = (parts[0] + "." + parts[1] + "x").getBytes(StandardCharsets.US_ASCII);
            assertThat(jdkVerifies(key, otherContent, signature)).as("other content").isFalse();
        }
    }

    @Test
    void writesTheHeaderAndClaimsThatNimbusJwtEncoderWrites() throws Exception {
        JWKSource<SecurityContext> oneKey = new ImmutableJWKSet<>(new JWKSet(first));
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.ES256).keyId("k1").type("at+jwt").build();
        JwtClaimsSet claims = claims("client-7");

        Jwt ours = new Es256JwtEncoder(oneKey).encode(JwtEncoderParameters.from(header, claims));
        Jwt spring = new NimbusJwtEncoder(oneKey).encode(JwtEncoderParameters.from(header, claims));

        String[] our = ours.getTokenValue().split("\\.");
        String[] their = spring.getTokenValue().split("\\.");
        assertThat(json(our[0])).isEqualTo(json(their[0])).containsEntry("alg", "ES256").containsEntry("kid", "k1")
                .containsEntry("typ", "at+jwt");
        assertThat(json(our[1])).isEqualTo(json(their[1])).containsEntry("scope", List.of("LIST", "EXPRPT"))
                .containsEntry("exp", NOW.plusSeconds(1800).getEpochSecond());
        assertThat(ours.getHeaders()).isEqualTo(spring.getHeaders());
        assertThat(ours.getClaims()).isEqualTo(spring.getClaims());
        assertThat(ours.getIssuedAt()).isEqualTo(NOW);
        assertThat(ours.getExpiresAt()).isEqualTo(NOW.plusSeconds(1800));
        // The claims an access token has (AccessTokenClaims) take the way without Nimbus.
        assertThat(Es256JwtEncoder.isSimple(claims)).isTrue();
    }

    /**
     * Access tokens are written without Nimbus (CompactJson); claims of other shapes still go
     * through it. Both ways must read back as NimbusJwtEncoder's tokens do, and verify.
     */
    @Test
    void writesEscapedTextAndEveryClaimTypeAsNimbusJwtEncoderDoes() throws Exception {
        JWKSource<SecurityContext> oneKey = new ImmutableJWKSet<>(new JWKSet(first));
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.ES256).keyId("k1").contentType("JWT").build();
        List<JwtClaimsSet> claimSets = List.of(
                JwtClaimsSet.builder().issuer("https://partner-apps.example/a\\b").subject("quote \" and \u0007 bell")
                        .audience(List.of("one", "two \u00e9\u2028")).issuedAt(NOW).expiresAt(NOW.plusSeconds(60))
                        .id(" ").claim("line", "a\nb\r\tc\u001f").claim("flag", false).claim("small", 7)
                        .claim("domain", "\u6771\u4eac.example").claim("empty", List.of()).build(),
                JwtClaimsSet.builder().subject("c").audience(List.of()).expiresAt(NOW.plusSeconds(60))
                        .claim("nested", Map.of("a", List.of(1, 2))).claim("ratio", 0.25).build(),
                JwtClaimsSet.builder().subject("c").claim("exp", NOW.plusSeconds(5).getEpochSecond()).build());
        assertThat(claimSets).extracting(Es256JwtEncoder::isSimple).containsExactly(true, false, false);
        for (JwtClaimsSet claims : claimSets) {
            Jwt ours = new Es256JwtEncoder(oneKey).encode(JwtEncoderParameters.from(header, claims));
            Jwt spring = new NimbusJwtEncoder(oneKey).encode(JwtEncoderParameters.from(header, claims));

            String[] our = ours.getTokenValue().split("\\.");
            String[] their = spring.getTokenValue().split("\\.");
            assertThat(json(our[0])).isEqualTo(json(their[0]));
            assertThat(json(our[1])).as(claims.getClaims().toString()).isEqualTo(json(their[1]));
            assertThat(jdkVerifies(first, (our[0] + "." + our[1]).getBytes(StandardCharsets.US_ASCII),
                    Base64.getUrlDecoder().decode(our[2]))).isTrue();
        }
    }

    @Test
    void withoutAKeyIdTheOnlyKeySignsAndTheTokenNamesIt() throws Exception {
        Jwt jwt = new Es256JwtEncoder(new ImmutableJWKSet<>(new JWKSet(second)))
                .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.ES256).build(), claims("c")));

        assertThat(jwt.getHeaders()).containsEntry("kid", "k2");
        assertThat(json(jwt.getTokenValue().split("\\.")[0])).containsEntry("kid", "k2");
    }

    @Test
    void refusesWhatItCannotSignAsAsked() {
        Es256JwtEncoder encoder = new Es256JwtEncoder(bothKeys);

        assertThatThrownBy(() -> encoder.encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).keyId("k1").build(), claims("c"))))
                .isInstanceOf(JwtEncodingException.class).hasMessageContaining("ES256");
        assertThatThrownBy(() -> encoder.encode(JwtEncoderParameters.from(header("unknown"), claims("c"))))
                .isInstanceOf(JwtEncodingException.class).hasMessageContaining("No signing key");
        assertThatThrownBy(() -> encoder.encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.ES256).build(), claims("c"))))
                .as("two keys and none named").isInstanceOf(JwtEncodingException.class)
                .hasMessageContaining("More than one");
        assertThatThrownBy(() -> encoder.encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.ES256).keyId("k1").jwkSetUrl("https://elsewhere.example/jwks").build(),
                claims("c"))))
                .isInstanceOf(JwtEncodingException.class).hasMessageContaining("jku");
        JWKSource<SecurityContext> publicOnly = new ImmutableJWKSet<>(new JWKSet(first.toPublicJWK()));
        assertThatThrownBy(() -> new Es256JwtEncoder(publicOnly).encode(JwtEncoderParameters.from(header("k1"),
                claims("c")))).as("a public key cannot sign").isInstanceOf(JwtEncodingException.class);
    }

    private static JwsHeader header(String keyId) {
        return JwsHeader.with(SignatureAlgorithm.ES256).keyId(keyId).build();
    }

    private static JwtClaimsSet claims(String clientId) {
        return JwtClaimsSet.builder().issuer("https://partner-apps.example").subject(clientId)
                .audience(List.of(clientId)).issuedAt(NOW).notBefore(NOW).expiresAt(NOW.plusSeconds(1800))
                .id("jti-" + clientId).claim("scope", new LinkedHashSet<>(List.of("LIST", "EXPRPT")))
                .claim("client_id", clientId).claim("egen", 3L).claim("company", "42").build();
    }

    private static Map<String, Object> json(String part) throws Exception {
        return JSONObjectUtils.parse(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
    }

    private static boolean jdkVerifies(ECKey key, byte[] content, byte[] signature) throws Exception {
        Signature jdk = Signature.getInstance("SHA256withECDSAinP1363Format", "SunEC");
        jdk.initVerify(key.toECPublicKey());
        jdk.update(content);
        return jdk.verify(signature);
    }

    private static ECKey newKey(String kid) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            return new ECKey.Builder(Curve.P_256, (ECPublicKey) pair.getPublic())
                    .privateKey((ECPrivateKey) pair.getPrivate()).keyID(kid).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
