package dev.partnerapps.authserver;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static dev.partnerapps.support.DemoUsers.GLOBEX_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import dev.partnerapps.support.Console;
import dev.partnerapps.support.IntegrationTestBase;
import dev.partnerapps.support.OAuth;
import org.junit.jupiter.api.Test;

/** Token introspection of docs/product.md section 5, over real HTTP. */
class IntrospectionTests extends IntegrationTestBase {

    @Test
    void introspectionAnswersOnlyAboutTheCallersOwnTokensAndHonoursDisabling() throws Exception {
        Console.Credentials shared = console().publicApplication(ACME_DEVELOPER, "LIST", "EXPRPT");
        Console.Credentials other = console().register(ACME_DEVELOPER, Console.uniqueName("Other"), "LIST");
        console().enable(GLOBEX_ADMIN, shared.key());
        String acmeToken = oauth().accessToken(shared.key(), shared.secret());
        String globexToken = OAuth.tokens(oauth().token(OAuth.basic(shared.key(), shared.secret()),
                new ClientCredentialsGrant(), null, "globex.example")).getAccessToken().getValue();

        TokenIntrospectionSuccessResponse own = oauth().introspect(shared.key(), shared.secret(), globexToken);
        assertThat(own.isActive()).isTrue();
        assertThat(own.getClientID().getValue()).isEqualTo(shared.key());
        assertThat(own.getScope().toStringList()).containsExactlyInAnyOrder("LIST", "EXPRPT");
        assertThat(own.getStringParameter("company_domain")).isEqualTo("globex.example");
        assertThat(oauth().introspect(other.key(), other.secret(), globexToken).isActive()).isFalse();
        assertThat(oauth().introspect(shared.key(), shared.secret(), "not-a-token").isActive()).isFalse();
        assertThat(oauth().introspect(shared.key(), shared.secret(), globexToken.substring(0, globexToken.length() - 4) + "AAAA")
                .isActive()).isFalse();

        console().disable(GLOBEX_ADMIN, shared.key());
        assertThat(oauth().introspect(shared.key(), shared.secret(), globexToken).isActive()).isFalse();
        assertThat(oauth().introspect(shared.key(), shared.secret(), acmeToken).isActive()).isTrue();
        assertThat(OAuth.error(oauth().token(OAuth.basic(shared.key(), shared.secret()), new ClientCredentialsGrant(), null,
                "globex.example")).getCode()).isEqualTo("unauthorized_client");

        // Enabling again allows new tokens; those issued before the disable stay dead.
        console().enable(GLOBEX_ADMIN, shared.key());
        assertThat(oauth().introspect(shared.key(), shared.secret(), globexToken).isActive()).isFalse();
        String fresh = OAuth.tokens(oauth().token(OAuth.basic(shared.key(), shared.secret()), new ClientCredentialsGrant(),
                null, "globex.example")).getAccessToken().getValue();
        assertThat(oauth().introspect(shared.key(), shared.secret(), fresh).isActive()).isTrue();
    }
}
