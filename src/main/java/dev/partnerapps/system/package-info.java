/**
 * What every page shares: the console's security chain and headers, the home page, the current
 * user in every model, one clock, the management port and behaviour while the database is down.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "application", "company", "enablement", "errors" })
package dev.partnerapps.system;
