package dev.partnerapps.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import dev.partnerapps.support.IntegrationTestBase;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The authorization server metadata and key set of docs/product.md section 5, over real HTTP. */
class DiscoveryTests extends IntegrationTestBase {

    @Test
    void discoveryMetadataListsTheEndpointsAndOnlyTheSupportedGrants() throws Exception {
        String json = HttpClient.newHttpClient().send(HttpRequest.newBuilder(oauth().uri("/.well-known/oauth-authorization-server"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.parse(json);
        assertThat(metadata.getTokenEndpointURI()).isEqualTo(oauth().uri("/oauth2/token"));
        assertThat(metadata.getAuthorizationEndpointURI()).isEqualTo(oauth().uri("/oauth2/authorize"));
        assertThat(metadata.getIntrospectionEndpointURI()).isEqualTo(oauth().uri("/oauth2/introspect"));
        assertThat(metadata.getRevocationEndpointURI()).isEqualTo(oauth().uri("/oauth2/revoke"));
        assertThat(metadata.getJWKSetURI()).isEqualTo(oauth().uri("/oauth2/jwks"));
        assertThat(metadata.getGrantTypes()).containsExactlyInAnyOrder(GrantType.AUTHORIZATION_CODE,
                GrantType.REFRESH_TOKEN, GrantType.CLIENT_CREDENTIALS);
        assertThat(metadata.getCodeChallengeMethods()).containsExactly(CodeChallengeMethod.S256);
        assertThat(metadata.getTokenEndpointAuthMethods()).extracting(Object::toString)
                .containsExactlyInAnyOrder("client_secret_basic", "client_secret_post");
        assertThat(metadata.getScopes().toStringList()).contains("EXPRPT", "CCARD", "LIST", "QUICKX");

        JWKSet jwks = JWKSet.load(oauth().uri("/oauth2/jwks").toURL());
        assertThat(jwks.getKeys()).isNotEmpty().allSatisfy(key -> {
            assertThat(key.getKeyType()).isEqualTo(KeyType.EC);
            assertThat(key.isPrivate()).isFalse();
        });
    }
}
