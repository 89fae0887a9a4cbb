/**
 * Which company has which application enabled: enabling and disabling, who may see an
 * application, and the one answer to "may this application act for this company now?".
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = { "application", "company", "errors", "paging", "usage" })
package dev.partnerapps.enablement;
