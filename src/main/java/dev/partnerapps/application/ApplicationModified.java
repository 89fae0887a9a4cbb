package dev.partnerapps.application;

import dev.partnerapps.company.Actor;
import java.util.List;

/**
 * The owner saved the Modify form. {@code changes} names the fields that changed, as the form
 * labels them; {@code active} is the state after the change. {@code sentBackToReview}: an
 * approved application changed what it asks for, so it is Private and awaiting review again.
 */
public record ApplicationModified(long applicationId, long ownerCompanyId, String name, Actor actor,
        List<String> changes, boolean active, boolean sentBackToReview) {
}
