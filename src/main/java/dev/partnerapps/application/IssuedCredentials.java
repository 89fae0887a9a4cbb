package dev.partnerapps.application;

/** A Key with its Secret in clear: exists only for the one response that shows it. */
record IssuedCredentials(String applicationName, String companyDomain, String key, String secret) {

    @Override
    public String toString() {
        return "IssuedCredentials[" + applicationName + ", " + key + ", secret hidden]";
    }
}
