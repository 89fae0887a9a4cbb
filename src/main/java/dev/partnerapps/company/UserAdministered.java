package dev.partnerapps.company;

/** A Company Administrator changed a user of their company: for the audit log. */
public record UserAdministered(Actor actor, String userEmail, Change change) {

    public enum Change { ADDED, GRANTED_WEB_SERVICES_ADMINISTRATOR, REVOKED_WEB_SERVICES_ADMINISTRATOR, DISABLED, ENABLED }
}
