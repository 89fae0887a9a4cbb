package dev.partnerapps.application;

import dev.partnerapps.company.Actor;
import java.util.List;

/**
 * The owner saved the Modify form. {@code changes} names the fields that changed, as the form
 * labels them; {@code active} is the state after the change.
 */
public record ApplicationModified(long applicationId, long ownerCompanyId, String name, Actor actor,
        List<String> changes, boolean active) {
}
