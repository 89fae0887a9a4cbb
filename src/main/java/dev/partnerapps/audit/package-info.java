/**
 * The audit log: one line per change, written from the other modules' events in the same
 * transaction as the change, and the page platform staff read it on.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = { "application", "authserver", "company", "enablement", "errors", "paging" })
package dev.partnerapps.audit;
