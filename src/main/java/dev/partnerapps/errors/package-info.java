/**
 * How a service refuses a request in the domain's words: not found, not allowed, conflict.
 * Services throw these instead of web types; each web layer maps them to its status once
 * (the console's in {@code system}). Also the one metric of requests a throttle refused
 * ({@link dev.partnerapps.errors.ThrottledRequests}). Depends on no other module; every module may use it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package dev.partnerapps.errors;
