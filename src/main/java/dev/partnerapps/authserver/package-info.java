/**
 * The OAuth 2.0 authorization server (Spring Authorization Server) over the application model:
 * client store, tokens and grants, consent, signing keys, throttling and the caches that make a
 * token request cheap.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "application",
        "application :: client-store", "company", "enablement", "errors", "paging", "usage" })
package dev.partnerapps.authserver;
