package dev.partnerapps.authserver;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * ES256 signing keys kept in the database, private parts encrypted with the master key. The
 * newest key signs; every key not retired is published at the JWKS endpoint, so tokens signed
 * before a rotation keep verifying until they expire. Every instance reads the same keys.
 */
class SigningKeys {

    record KeyInfo(String kid, Instant createdAt, boolean current) {
    }

    private record Keys(List<ECKey> published) {
        ECKey current() {
            return published.get(0);
        }
    }

    private final JdbcTemplate jdbc;
    private final MasterKey masterKey;
    private final ChangeEpoch epoch;
    private final Clock clock;
    private final Duration accessTokenTtl;
    private final GenerationCache<String, Keys> cache;
    private volatile Keys reloaded;
    private volatile long lastReload;

    SigningKeys(JdbcTemplate jdbc, MasterKey masterKey, ChangeEpoch epoch, Clock clock, Duration accessTokenTtl) {
        this.jdbc = jdbc;
        this.masterKey = masterKey;
        this.epoch = epoch;
        this.clock = clock;
        this.accessTokenTtl = accessTokenTtl;
        this.cache = new GenerationCache<>(epoch, k -> Optional.of(load()));
    }

    /** Makes the first key if there is none (the first instance to start does it). */
    void ensureKey() {
        Long count = jdbc.queryForObject("select count(*) from oauth_signing_keys where retired_at is null", Long.class);
        if (count == null || count == 0) {
            insertNewKey();
        }
        // Fails the start-up with MasterKey's explanation if the master key is not the one the keys
        // were made with, rather than a server error on every token request later.
        load();
    }

    /**
     * A new current key. A previous key stays published until every token it signed has expired:
     * it is retired only once its successor has been signing for longer than an access token lives.
     */
    @Transactional
    String rotate() {
        String kid = insertNewKey();
        Instant now = Instant.now(clock);
        List<KeyInfo> keys = list();
        for (int i = 1; i < keys.size(); i++) {
            Instant stoppedSigning = keys.get(i - 1).createdAt();
            if (stoppedSigning.plus(accessTokenTtl).isBefore(now)) {
                jdbc.update("update oauth_signing_keys set retired_at = ? where kid = ?", Timestamp.from(now),
                        keys.get(i).kid());
            }
        }
        epoch.changed();
        return kid;
    }

    List<KeyInfo> list() {
        List<KeyInfo> keys = new ArrayList<>();
        jdbc.query("select kid, created_at from oauth_signing_keys where retired_at is null order by created_at desc, kid desc",
                rs -> {
                    keys.add(new KeyInfo(rs.getString("kid"), rs.getTimestamp("created_at").toInstant(), keys.isEmpty()));
                });
        return keys;
    }

    /** The key that signs new tokens. */
    JWK current() {
        return keys().current();
    }

    /**
     * The published keys with their private parts, for signing and verifying inside this
     * application. Deliberately not a bean: the JWKS endpoint's source publishes public keys only.
     */
    JWKSource<SecurityContext> privateSource() {
        return (selector, context) -> {
            List<JWK> found = selector.select(new JWKSet(new ArrayList<>(keys().published())));
            if (found.isEmpty()) {
                // A key another instance made moments ago, before our caches heard of it: read the
                // keys again, at most once a second so that made-up key ids cost nothing.
                found = selector.select(new JWKSet(new ArrayList<>(fresh().published())));
            }
            return found;
        };
    }

    private Keys fresh() {
        long now = clock.millis();
        if (reloaded == null || now - lastReload > 1000) {
            lastReload = now;
            reloaded = load();
        }
        return reloaded;
    }

    /** The public keys, for the JWKS endpoint and for verifying. */
    List<JWK> publicKeys() {
        return keys().published().stream().map(k -> (JWK) k.toPublicJWK()).toList();
    }

    private Keys keys() {
        return cache.get("keys").orElseThrow();
    }

    private Keys load() {
        List<ECKey> keys = jdbc.query("""
                select public_jwk, private_key_encrypted from oauth_signing_keys
                where retired_at is null order by created_at desc, kid desc
                """, (rs, i) -> withPrivateKey(rs.getString("public_jwk"), rs.getString("private_key_encrypted")));
        if (keys.isEmpty()) {
            throw new IllegalStateException("No signing key in the database");
        }
        return new Keys(List.copyOf(keys));
    }

    private ECKey withPrivateKey(String publicJwk, String encryptedPrivateKey) {
        try {
            ECKey publicKey = ECKey.parse(publicJwk);
            ECPrivateKey privateKey = (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(masterKey.decrypt(encryptedPrivateKey)));
            return new ECKey.Builder(publicKey).privateKey(privateKey).build();
        } catch (ParseException | GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable signing key " + publicJwk, e);
        }
    }

    private String insertNewKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            String kid = UUID.randomUUID().toString();
            ECKey publicJwk = new ECKey.Builder(Curve.P_256, (ECPublicKey) pair.getPublic())
                    .keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).build();
            jdbc.update("insert into oauth_signing_keys (kid, public_jwk, private_key_encrypted, created_at) values (?, ?, ?, ?)",
                    kid, publicJwk.toJSONString(), masterKey.encrypt(pair.getPrivate().getEncoded()),
                    Timestamp.from(Instant.now(clock)));
            return kid;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make an EC P-256 key", e);
        }
    }

}
