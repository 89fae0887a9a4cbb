/**
 * Companies (tenants) and their users: sign-in and its throttle, roles and permissions, user
 * administration and sandbox sign-up.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "errors", "paging" })
package dev.partnerapps.company;
