package dev.partnerapps.authserver;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import dev.partnerapps.support.Console;
import dev.partnerapps.support.IntegrationTestBase;
import org.junit.jupiter.api.Test;

/** Token revocation of docs/product.md section 5, over real HTTP. */
class RevocationTests extends IntegrationTestBase {

    @Test
    void revokingAnAccessTokenEndsItOnlyForItsOwnApplication() throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Revoking"), "LIST");
        Console.Credentials other = console().register(ACME_DEVELOPER, Console.uniqueName("Bystander"), "LIST");
        String token = oauth().accessToken(app.key(), app.secret());

        assertThat(oauth().revoke(other.key(), other.secret(), new BearerAccessToken(token))).isEqualTo(200);
        assertThat(oauth().introspect(app.key(), app.secret(), token).isActive()).isTrue();
        assertThat(oauth().revoke(app.key(), app.secret(), new BearerAccessToken(token))).isEqualTo(200);
        assertThat(oauth().introspect(app.key(), app.secret(), token).isActive()).isFalse();
        assertThat(oauth().revoke(app.key(), app.secret() + "x", new BearerAccessToken(token))).isEqualTo(401);
    }
}
