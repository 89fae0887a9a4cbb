package dev.partnerapps.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.Set;

/** The New / Modify Partner Application form. Visibility is deliberately not a field. */
class ApplicationForm {

    @NotBlank(message = "{validation.application.name.required}")
    @Size(max = 80, message = "{validation.application.name.size}")
    private String name = "";

    @Size(max = 1000, message = "{validation.application.description.size}")
    private String description = "";

    private boolean active = true;

    private String redirectUris = "";

    private Set<String> scopes = new LinkedHashSet<>();

    /** New Partner Application only: when the first Secret expires. */
    private SecretExpiry secretExpiry = SecretExpiry.NEVER;

    /** The version the form was loaded at: a save on top of someone else's is refused. */
    private Long version;

    static ApplicationForm of(ApplicationView app) {
        ApplicationForm form = new ApplicationForm();
        form.name = app.name();
        form.description = app.description();
        form.active = app.active();
        form.redirectUris = String.join("\n", app.redirectUris());
        form.scopes = new LinkedHashSet<>(app.scopes());
        form.version = app.version();
        return form;
    }

    /** The form's content as the services take it; only once the form is valid. */
    ApplicationDetails details() {
        return new ApplicationDetails(name, description, active, RedirectUris.check(redirectUris).uris(), scopes);
    }

    public SecretExpiry getSecretExpiry() {
        return secretExpiry;
    }

    public void setSecretExpiry(SecretExpiry secretExpiry) {
        this.secretExpiry = secretExpiry == null ? SecretExpiry.NEVER : secretExpiry;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name.strip();
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description == null ? "" : description.strip();
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public String getRedirectUris() {
        return redirectUris;
    }

    public void setRedirectUris(String redirectUris) {
        this.redirectUris = redirectUris == null ? "" : redirectUris;
    }

    public Set<String> getScopes() {
        return scopes;
    }

    public void setScopes(Set<String> scopes) {
        this.scopes = scopes == null ? new LinkedHashSet<>() : new LinkedHashSet<>(scopes);
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
