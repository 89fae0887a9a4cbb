package dev.partnerapps.application;

import java.util.List;
import java.util.Set;

/**
 * What the owner says about an application on the New / Modify form, once the form is valid:
 * redirect URIs already one per entry, as the authorization endpoint compares them.
 */
record ApplicationDetails(String name, String description, boolean active, List<String> redirectUris,
        Set<String> scopes) {
}
