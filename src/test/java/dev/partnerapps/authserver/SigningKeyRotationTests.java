package dev.partnerapps.authserver;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static dev.partnerapps.support.DemoUsers.GLOBEX_ADMIN;
import static dev.partnerapps.support.DemoUsers.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.partnerapps.support.Console;
import dev.partnerapps.support.IntegrationTestBase;
import org.junit.jupiter.api.Test;

/** Staff rotating the token signing key (docs/product.md section 5), over real HTTP. */
class SigningKeyRotationTests extends IntegrationTestBase {

    @Test
    void staffRotateTheSigningKeyWithoutBreakingIssuedTokens() throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Keys"), "LIST");
        String before = oauth().accessToken(app.key(), app.secret());
        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();

        mvc.perform(post("/admin/web-services/signing-keys/rotate").with(console().as(GLOBEX_ADMIN)).with(csrf()))
                .andExpect(status().isForbidden());
        // Three rotations in a row: tokens signed by the first key must still verify.
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/admin/web-services/signing-keys/rotate")
                            .with(console().as(STAFF)).with(csrf()))
                    .andExpect(status().isFound());
        }

        String after = oauth().accessToken(app.key(), app.secret());
        String newKid = SignedJWT.parse(after).getHeader().getKeyID();
        assertThat(newKid).isNotEqualTo(oldKid);
        JWKSet jwks = JWKSet.load(oauth().uri("/oauth2/jwks").toURL());
        assertThat(jwks.getKeyByKeyId(oldKid)).isNotNull();
        assertThat(jwks.getKeyByKeyId(newKid)).isNotNull();
        assertThat(oauth().introspect(app.key(), app.secret(), before).isActive()).isTrue();
        assertThat(oauth().introspect(app.key(), app.secret(), after).isActive()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'SIGNING_KEY_ROTATED' "
                + "and detail like ?", Long.class, "%" + newKid + "%")).isEqualTo(1L);
        assertThat(jwks.getKeys().size()).isGreaterThanOrEqualTo(4);
    }
}
