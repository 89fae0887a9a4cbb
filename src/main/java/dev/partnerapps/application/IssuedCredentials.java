package dev.partnerapps.application;

import java.time.Instant;

/**
 * A Key with its Secret in clear: exists only for the one response that shows it.
 *
 * @param previousWorksUntil after New Secret with an overlap, until when the previous Secret works; else null
 */
record IssuedCredentials(String applicationName, String companyDomain, String key, String secret,
        Instant previousWorksUntil) {

    @Override
    public String toString() {
        return "IssuedCredentials[" + applicationName + ", " + key + ", secret hidden]";
    }
}
