/**
 * The protected platform APIs that partner applications call with an access token: the bearer
 * token check, the caller and its scopes, cursor paging and one error shape (the domain's
 * refusals from {@code errors} included); one sub-package per API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"authserver", "errors", "usage"})
package dev.partnerapps.api;
