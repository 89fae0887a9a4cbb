package dev.partnerapps.authserver;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.partnerapps.application.ApiCatalog;
import dev.partnerapps.application.ClientSecrets;
import dev.partnerapps.company.PartnerUser;
import dev.partnerapps.usage.UsageRecorder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadata;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AuthorizationCodeRequestAuthenticationConverter;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Spring Authorization Server over the partner application model (docs/product.md section 5):
 * its own filter chain, ahead of the console's, for the OAuth endpoints only. The path of a
 * token request through it: docs/architecture.md, "A token request".
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OAuthProperties.class, ClientThrottleProperties.class})
@EnableScheduling
class AuthorizationServerConfig {

    private final List<String> catalogScopes;

    AuthorizationServerConfig(ApiCatalog catalog) {
        List<String> scopes = new ArrayList<>();
        catalog.apis().forEach(api -> {
            scopes.add(api.code());
            api.groups().forEach(group -> scopes.add(group.code()));
        });
        this.catalogScopes = List.copyOf(scopes);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http, PartnerClients clients,
            GrantStore authorizations, OAuth2AuthorizationConsentService consents,
            OAuth2TokenGenerator<?> tokenGenerator, ClientSecrets secrets, Clock clock, UsageRecorder usage, TokenIntrospection introspection,
            TokenRevocation revocation, TokenPolicy policy, SecurityContextRepository securityContextRepository,
            AuthorizationServerSettings settings, TokenMetrics metrics, ClientThrottle throttle) throws Exception {
        OAuthErrorResponses errors = new OAuthErrorResponses();
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.registeredClientRepository(clients)
                    .authorizationService(authorizations)
                    .authorizationConsentService(consents)
                    .tokenGenerator(tokenGenerator)
                    .authorizationServerSettings(settings)
                    .authorizationServerMetadataEndpoint(metadata -> metadata
                            .authorizationServerMetadataCustomizer(this::advertiseOnlyWhatIsSupported))
                    .clientAuthentication(client -> client
                            .authenticationProviders(providers -> providers.forEach(provider -> {
                                if (provider instanceof ClientSecretAuthenticationProvider secretProvider) {
                                    secretProvider.setPasswordEncoder(new ClientSecretEncoder(secrets, clock, usage::secretUsed));
                                }
                            }))
                            .errorResponseHandler(metrics.countingClientAuthenticationFailures(
                                    ClientThrottleFilters.countingFailures(throttle, errors, errors))))
                    .tokenEndpoint(token -> token
                            .accessTokenRequestConverters(replace(OAuth2ClientCredentialsAuthenticationConverter.class,
                                    DefaultScopes::clientCredentials))
                            .accessTokenResponseHandler(metrics.countingIssued(
                                    new TokenResponseWriter(new OAuth2AccessTokenResponseAuthenticationSuccessHandler())))
                            .errorResponseHandler(metrics.countingRefused(errors)))
                    .authorizationEndpoint(authorize -> authorize
                            .consentPage("/oauth2/consent")
                            .authorizationRequestConverters(replace(OAuth2AuthorizationCodeRequestAuthenticationConverter.class,
                                    converter -> ExactRedirectUri.checking(
                                            DefaultScopes.authorizationRequest(AuthorizationRequestLimits.checking(converter), clients),
                                            clients)))
                            .authenticationProviders(providers -> providers.forEach(provider -> {
                                if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider request) {
                                    request.setAuthenticationValidator(
                                            new ExactRedirectUri()
                                                    .andThen(OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_SCOPE_VALIDATOR)
                                                    .andThen(companyMayUse(policy)));
                                }
                                if (provider instanceof OAuth2AuthorizationConsentAuthenticationProvider consent) {
                                    consent.setAuthorizationConsentCustomizer(AuthorizationServerConfig::denyWhenNothingIsChosen);
                                }
                            }))
                            .errorResponseHandler(new AuthorizationErrorPage(clients)))
                    .tokenIntrospectionEndpoint(endpoint -> endpoint
                            .authenticationProviders(providers -> {
                                providers.clear();
                                providers.add(introspection);
                            })
                            .errorResponseHandler(errors))
                    .tokenRevocationEndpoint(endpoint -> endpoint
                            .authenticationProviders(providers -> {
                                providers.clear();
                                providers.add(revocation);
                            })
                            .errorResponseHandler(errors));
        });
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher clientEndpoints = new OrRequestMatcher(paths.matcher(settings.getTokenEndpoint()),
                paths.matcher(settings.getTokenIntrospectionEndpoint()), paths.matcher(settings.getTokenRevocationEndpoint()));
        http.addFilterBefore(new TokenRequestGuard(clientEndpoints, errors), AbstractPreAuthenticatedProcessingFilter.class);
        // After the guard (same position, added later), before client authentication checks a Secret.
        http.addFilterBefore(ClientThrottleFilters.blocking(throttle, clientEndpoints, errors),
                AbstractPreAuthenticatedProcessingFilter.class);
        // After client authentication (which sits right after the pre-authentication position).
        http.addFilterBefore(ClientThrottleFilters.ceiling(throttle, paths.matcher(settings.getTokenEndpoint()), errors),
                AuthorizationFilter.class);
        // Only people use the authorization endpoint: they sign in first. Everything else here is
        // called by applications, which get invalid_client JSON whatever they Accept.
        // The framework exempts every endpoint of this chain from CSRF protection (the consent form
        // carries its own state), and logging out happens in the console's chain: without these two
        // filters a token request skips work that never applied to it (docs/performance.md, "The token's JSON,
        // written directly"). The error page for a bad authorization request is rendered on the
        // error dispatch, where the console's chain gives its sign-out form a CSRF token.
        http.csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable());
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                .securityContext(context -> context.securityContextRepository(securityContextRepository))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                paths.matcher(settings.getAuthorizationEndpoint()))
                        .defaultAuthenticationEntryPointFor((request, response, exception) -> errors.onAuthenticationFailure(
                                request, response, new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT)),
                                AnyRequestMatcher.INSTANCE));
        return http.build();
    }

    /** RFC 8414 metadata that lists the grants, client authentication methods and scopes we accept. */
    private void advertiseOnlyWhatIsSupported(OAuth2AuthorizationServerMetadata.Builder metadata) {
        List<String> clientAuthentication = List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC.getValue(),
                ClientAuthenticationMethod.CLIENT_SECRET_POST.getValue());
        metadata.grantTypes(grants -> {
            grants.clear();
            grants.addAll(List.of(AuthorizationGrantType.AUTHORIZATION_CODE.getValue(),
                    AuthorizationGrantType.REFRESH_TOKEN.getValue(), AuthorizationGrantType.CLIENT_CREDENTIALS.getValue()));
        })
                .tokenEndpointAuthenticationMethods(replaceWith(clientAuthentication))
                .tokenRevocationEndpointAuthenticationMethods(replaceWith(clientAuthentication))
                .tokenIntrospectionEndpointAuthenticationMethods(replaceWith(clientAuthentication))
                .codeChallengeMethods(replaceWith(List.of("S256")))
                .scopes(replaceWith(catalogScopes))
                .claims(claims -> {
                    claims.remove("device_authorization_endpoint");
                    claims.remove("pushed_authorization_request_endpoint");
                    claims.remove("dpop_signing_alg_values_supported");
                    claims.remove("tls_client_certificate_bound_access_tokens");
                });
    }

    private static Consumer<List<String>> replaceWith(List<String> values) {
        return list -> {
            list.clear();
            list.addAll(values);
        };
    }

    /** Replaces the converter of the given type by a wrapper around it. */
    private static Consumer<List<AuthenticationConverter>> replace(Class<?> type,
            Function<AuthenticationConverter, AuthenticationConverter> wrapper) {
        return converters -> {
            List<AuthenticationConverter> replaced = new ArrayList<>();
            for (AuthenticationConverter converter : converters) {
                replaced.add(type.isInstance(converter) ? wrapper.apply(converter) : converter);
            }
            converters.clear();
            converters.addAll(replaced);
        };
    }

    /**
     * Deny posts no scope, and must answer {@code access_denied} (RFC 6749 section 4.1.2.1)
     * whatever the user allowed before: the framework adds the previously consented scopes that
     * are requested again to an empty answer and would issue a code for them. A consent without
     * authorities makes it refuse (docs/console.md, Consent).
     */
    private static void denyWhenNothingIsChosen(OAuth2AuthorizationConsentAuthenticationContext context) {
        OAuth2AuthorizationConsentAuthenticationToken answer = context.getAuthentication();
        if (answer.getScopes().isEmpty()) {
            context.getAuthorizationConsent().authorities(Set::clear);
        }
    }

    /**
     * The signed-in user's company must have the application enabled (and it must be theirs or
     * Public) before they are even asked for consent.
     */
    private static Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> companyMayUse(TokenPolicy policy) {
        return context -> {
            Authentication principal = (Authentication) context.getAuthentication().getPrincipal();
            if (principal != null && principal.getPrincipal() instanceof PartnerUser user
                    && !policy.isAllowed(Long.parseLong(context.getRegisteredClient().getId()), user.getCompanyId())) {
                OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT,
                        "The application is not enabled for your company.", null);
                throw new OAuth2AuthorizationCodeRequestAuthenticationException(error, context.getAuthentication());
            }
        };
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(OAuthProperties properties) {
        AuthorizationServerSettings.Builder builder = AuthorizationServerSettings.builder();
        String issuer = properties.requiredIssuer();
        if (issuer != null) {
            builder.issuer(issuer);
        }
        return builder.build();
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService(JdbcTemplate jdbc, PartnerClients clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }

    /** Built here rather than a component: its start makes the first key and checks the master key. */
    @Bean
    SigningKeys signingKeys(JdbcTemplate jdbc, OAuthProperties properties, ChangeEpoch epoch, Clock clock) {
        SigningKeys keys = new SigningKeys(jdbc, MasterKey.of(properties), epoch, clock, properties.accessTokenTtl());
        keys.ensureKey();
        return keys;
    }

    /** The JWKS endpoint publishes the public halves of every published key. */
    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return (selector, context) -> selector.select(new JWKSet(new ArrayList<JWK>(keys.publicKeys())));
    }

    @Bean
    OAuth2TokenGenerator<?> tokenGenerator(SigningKeys keys, AccessTokenClaims claims) {
        JwtGenerator jwtGenerator = new JwtGenerator(new Es256JwtEncoder(keys.privateSource()));
        jwtGenerator.setJwtCustomizer(claims);
        return new DelegatingOAuth2TokenGenerator(jwtGenerator, new OAuth2RefreshTokenGenerator());
    }

    /** Verifies our own access tokens: ES256 by one of our keys, in time, and our issuer when one is set. */
    @Bean
    JwtDecoder accessTokenDecoder(SigningKeys keys, OAuthProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys.privateSource()).jwsAlgorithm(SignatureAlgorithm.ES256).build();
        OAuth2TokenValidator<Jwt> validator = properties.hasIssuer()
                ? JwtValidators.createDefaultWithIssuer(properties.issuer())
                : JwtValidators.createDefault();
        decoder.setJwtValidator(validator);
        return decoder;
    }
}
