package dev.partnerapps.application;

import org.springframework.stereotype.Component;

/** Turns entities into the views pages and other modules see (scopes in catalog order). */
@Component
class ApplicationViews {

    private final ApiCatalog catalog;

    ApplicationViews(ApiCatalog catalog) {
        this.catalog = catalog;
    }

    ApplicationView view(PartnerApplication app) {
        return new ApplicationView(app.getId(), app.getKey(), app.getOwnerCompanyId(), app.getName(),
                app.getDescription(), app.getVisibility(), app.isActive(), app.getRedirectUris(),
                catalog.inCatalogOrder(app.getScopes()), app.getReviewState(), app.getReviewComment(),
                app.getVersion(), app.getUpdatedAt(), app.getUpdatedBy());
    }
}
