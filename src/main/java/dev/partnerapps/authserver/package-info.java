/**
 * The OAuth 2.1 / OpenID Connect authorization server (Spring Authorization Server) over the
 * application model: client store, tokens and grants, consent, signing keys, throttling and the
 * caches that make a token request cheap.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = { "application", "company", "enablement", "paging" })
package dev.partnerapps.authserver;
