package dev.partnerapps.application;

import dev.partnerapps.company.Actor;

/**
 * Platform staff changed who can see the application. When it becomes Private, other
 * companies' enablements stop counting at once.
 */
public record VisibilityChanged(long applicationId, long ownerCompanyId, String name, Actor actor,
        Visibility visibility) {
}
