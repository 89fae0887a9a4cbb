package dev.partnerapps.authserver;

import dev.partnerapps.application.ApplicationDirectory;
import dev.partnerapps.application.OAuthClient;
import java.util.Optional;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * The authorization server's clients are the partner applications themselves: this adapter
 * reads them (cached until something changes), it keeps no copy. Key = client id; the
 * registered client id is the application's id.
 *
 * <p>An inactive application is not found by its Key, so client authentication fails with
 * {@code invalid_client}; by id it is still found, for the components that hold a reference.
 */
@Component
class PartnerClients implements RegisteredClientRepository {

    private final GenerationCache<String, Client> byKey;
    private final GenerationCache<Long, Client> byId;
    private final TokenSettings tokenSettings;

    PartnerClients(ApplicationDirectory applications, ChangeEpoch epoch, OAuthProperties properties) {
        this.byKey = new GenerationCache<>(epoch, key -> applications.findClientByKey(key).map(this::client));
        this.byId = new GenerationCache<>(epoch, id -> applications.findClientById(id).map(this::client));
        this.tokenSettings = TokenSettings.builder()
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .idTokenSignatureAlgorithm(SignatureAlgorithm.ES256)
                .accessTokenTimeToLive(properties.accessTokenTtl())
                .authorizationCodeTimeToLive(properties.authorizationCodeTtl())
                .refreshTokenTimeToLive(properties.refreshTokenTtl())
                .reuseRefreshTokens(false)
                .build();
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("Partner applications are registered through the console");
    }

    @Override
    public RegisteredClient findById(String id) {
        try {
            return byId.get(Long.valueOf(id)).map(Client::registered).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        if (clientId == null || clientId.length() > 64) {
            return null;
        }
        return byKey.get(clientId).filter(client -> client.app().active()).map(Client::registered).orElse(null);
    }

    /** The application with this Key, active or not. */
    Optional<OAuthClient> applicationByKey(String clientId) {
        return clientId == null || clientId.length() > 64 ? Optional.empty() : byKey.get(clientId).map(Client::app);
    }

    /** The application behind a client, active or not. */
    Optional<OAuthClient> application(String registeredClientId) {
        try {
            return byId.get(Long.valueOf(registeredClientId)).map(Client::app);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * An application and the RegisteredClient made of it, cached together: the token endpoint
     * looks the client up on every request, and building a RegisteredClient (which validates its
     * redirect URIs and scopes) each time cost more than the rest of the look-up.
     */
    private record Client(OAuthClient app, RegisteredClient registered) {
    }

    private Client client(OAuthClient app) {
        return new Client(app, toRegisteredClient(app));
    }

    private RegisteredClient toRegisteredClient(OAuthClient app) {
        // The authorization code flow (and its refresh tokens) needs a registered redirect URI.
        boolean userFlows = !app.redirectUris().isEmpty();
        return RegisteredClient.withId(String.valueOf(app.id()))
                .clientId(app.key())
                .clientName(app.name())
                .clientSecret(ClientSecretEncoder.encoded(app.secrets()))
                .clientIdIssuedAt(app.secretCreatedAt())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantTypes(grants -> {
                    grants.add(AuthorizationGrantType.CLIENT_CREDENTIALS);
                    if (userFlows) {
                        grants.add(AuthorizationGrantType.AUTHORIZATION_CODE);
                        grants.add(AuthorizationGrantType.REFRESH_TOKEN);
                    }
                })
                .redirectUris(uris -> uris.addAll(app.redirectUris()))
                .scopes(scopes -> scopes.addAll(app.scopes()))
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(true).build())
                .tokenSettings(tokenSettings)
                .build();
    }
}
