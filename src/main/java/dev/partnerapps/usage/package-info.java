/**
 * How partner applications are used: tokens issued and refused, API calls, per day, and when an
 * application, an enablement, a consent or a secret was last used. Counted in memory on the
 * request path and added to the database every few seconds; read by the pages of the modules
 * that own those things. Depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package dev.partnerapps.usage;
