/**
 * The protected platform APIs that partner applications call with an access token: the bearer
 * token check, the caller and its scopes, cursor paging and one error shape; one sub-package per API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "authserver")
package dev.partnerapps.api;
