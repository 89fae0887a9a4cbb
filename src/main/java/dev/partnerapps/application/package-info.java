/**
 * Partner applications: registration and changes by their owning company, client secrets, the
 * platform staff's review and visibility, and the catalog of APIs (scopes) an application may ask for.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "company", "errors", "paging", "usage" })
package dev.partnerapps.application;
