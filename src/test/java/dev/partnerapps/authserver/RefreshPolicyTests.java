package dev.partnerapps.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * The refresh rules on their own: lifetimes, a code used twice, and the memory of replaced
 * refresh tokens that turns a replay into the end of the grant — over a real (embedded) database
 * holding just the two tables the policy touches and the change counter.
 */
class RefreshPolicyTests {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant GRANT_END = NOW.plus(Duration.ofDays(180));

    private final EmbeddedDatabase database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
            .generateUniqueName(true).build();
    private final JdbcTemplate jdbc = new JdbcTemplate(database);
    private RefreshPolicy policy;

    @BeforeEach
    void setUp() {
        jdbc.execute("create table change_epoch (id int primary key, epoch bigint not null)");
        jdbc.update("insert into change_epoch (id, epoch) values (1, 0)");
        jdbc.execute("create table oauth_authorizations (id varchar(100) primary key)");
        jdbc.execute("""
                create table oauth_replaced_refresh_tokens (
                    token_hash varchar(64) primary key,
                    authorization_id varchar(100) not null references oauth_authorizations (id) on delete cascade,
                    expires_at timestamp with time zone not null)
                """);
        jdbc.update("insert into oauth_authorizations (id) values ('grant-1'), ('grant-2')");
        OAuthProperties properties = new OAuthProperties(null, null, null, null, null, null, null, false);
        ChangeEpoch epoch = new ChangeEpoch(jdbc, new SimpleMeterRegistry(), properties, Duration.ofSeconds(60));
        GrantDeletions deletions = new GrantDeletions(jdbc, epoch, new SimpleMeterRegistry());
        policy = new RefreshPolicy(jdbc, deletions, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void shutDown() {
        database.shutdown();
    }

    @Test
    void theFirstRefreshTokenSetsWhenTheGrantEnds() {
        assertThat(RefreshPolicy.lifetime(null, GRANT_END)).isEqualTo(new RefreshPolicy.Lifetime(GRANT_END, GRANT_END));
    }

    @Test
    void rotationNeverExtendsTheGrant() {
        Instant offered = GRANT_END.plus(Duration.ofDays(30));

        assertThat(RefreshPolicy.lifetime(GRANT_END, offered)).isEqualTo(new RefreshPolicy.Lifetime(GRANT_END, GRANT_END));
    }

    @Test
    void aRefreshTokenThatExpiresBeforeTheGrantEndsKeepsItsOwnExpiry() {
        Instant offered = GRANT_END.minus(Duration.ofDays(1));

        assertThat(RefreshPolicy.lifetime(GRANT_END, offered)).isEqualTo(new RefreshPolicy.Lifetime(offered, GRANT_END));
    }

    @Test
    void aCodeUsedTwiceEndsTheGrantItGave() {
        OAuth2RefreshToken refresh = new OAuth2RefreshToken("refresh", NOW, GRANT_END);
        OAuth2Authorization grant = OAuth2Authorization.withRegisteredClient(client()).principalName("user@example.com")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access", NOW, NOW.plusSeconds(300)))
                .refreshToken(refresh).build();
        // What Spring Authorization Server does to the grant when its code comes back a second time.
        OAuth2Authorization invalidated = OAuth2Authorization.from(grant).invalidate(refresh).build();

        assertThat(RefreshPolicy.endsGrant(grant)).isFalse();
        assertThat(RefreshPolicy.endsGrant(invalidated)).isTrue();
    }

    @Test
    void aReplacedRefreshTokenPresentedAgainRevokesItsGrantOnly() {
        long epochBefore = epoch();

        policy.saved("grant-1", "old-digest", "new-digest", GRANT_END);
        policy.notCurrent("old-digest");

        assertThat(grants()).containsExactly("grant-2");
        assertThat(epoch()).isGreaterThan(epochBefore);
    }

    @Test
    void savingTheSameRefreshTokenAgainIsNoRotationAndAnUnknownTokenRevokesNothing() {
        long epochBefore = epoch();

        policy.saved("grant-1", "same-digest", "same-digest", GRANT_END);
        policy.saved("grant-2", null, "first-digest", GRANT_END);
        policy.notCurrent("same-digest");
        policy.notCurrent("never-issued");

        assertThat(grants()).containsExactly("grant-1", "grant-2");
        assertThat(epoch()).isEqualTo(epochBefore);
    }

    @Test
    void aReplacedTokenIsRememberedUntilItsGrantEnds() {
        policy.saved("grant-1", "old-digest", "new-digest", GRANT_END);

        assertThat(rememberedUntil("old-digest")).isEqualTo(GRANT_END);
        assertThat(policy.forgetExpired(GRANT_END.minusSeconds(1))).isZero();
        assertThat(policy.forgetExpired(GRANT_END.plusSeconds(1))).isEqualTo(1);
        policy.notCurrent("old-digest");
        assertThat(grants()).contains("grant-1");
    }

    @Test
    void aReplacedTokenOfAGrantWithoutAnEndIsRememberedForADayFromTheClock() {
        policy.saved("grant-1", "old-digest", "new-digest", null);

        assertThat(rememberedUntil("old-digest")).isEqualTo(NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void aGrantChangedBetweenReadAndSaveEndsAndTheRefreshIsRefusedWithInvalidGrant() {
        long epochBefore = epoch();

        OAuth2AuthenticationException refusal = policy.changedConcurrently("grant-1");

        assertThat(refusal.getError().getErrorCode()).isEqualTo(OAuth2ErrorCodes.INVALID_GRANT);
        assertThat(grants()).containsExactly("grant-2");
        assertThat(epoch()).isGreaterThan(epochBefore);
    }

    private static RegisteredClient client() {
        return RegisteredClient.withId("1").clientId("key").authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .build();
    }

    private List<String> grants() {
        return jdbc.queryForList("select id from oauth_authorizations order by id", String.class);
    }

    private long epoch() {
        return jdbc.queryForObject("select epoch from change_epoch where id = 1", Long.class);
    }

    private Instant rememberedUntil(String digest) {
        return jdbc.queryForObject("select expires_at from oauth_replaced_refresh_tokens where token_hash = ?",
                Timestamp.class, digest).toInstant();
    }
}
