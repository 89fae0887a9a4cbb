package dev.partnerapps.company;

import java.io.Serial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user. Kept in the HTTP session (serialized into the database), so it carries
 * only identifiers and flags, never the password hash once authentication is done.
 */
public final class PartnerUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long userId;
    private final String email;
    private String passwordHash;
    private final boolean enabled;
    /** The user's generation when this was read (see {@link #getAccessGeneration()}); 0 in older sessions. */
    private final long accessGeneration;
    private final CompanyInfo company;
    private final Set<Permission> permissions;

    PartnerUser(long userId, String email, String passwordHash, boolean enabled, long accessGeneration,
            CompanyInfo company, Set<Permission> permissions) {
        this.userId = userId;
        this.email = email;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.accessGeneration = accessGeneration;
        this.company = company;
        this.permissions = permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
    }

    public long getUserId() {
        return userId;
    }

    public String getEmail() {
        return email;
    }

    /**
     * Counts the user's disables. Whatever was granted to the user under an older generation must
     * not work: it was granted before a disable, even if the user is enabled again now.
     */
    public long getAccessGeneration() {
        return accessGeneration;
    }

    public CompanyInfo getCompany() {
        return company;
    }

    public long getCompanyId() {
        return company.id();
    }

    public Actor asActor() {
        return new Actor(userId, email, company.id());
    }

    public boolean isCompanyAdministrator() {
        return permissions.contains(Permission.COMPANY_ADMINISTRATOR);
    }

    /** Company Administrators may do everything a Web Services Administrator may. */
    public boolean isWebServicesAdministrator() {
        return isCompanyAdministrator() || permissions.contains(Permission.WEB_SERVICES_ADMINISTRATOR);
    }

    public boolean isPlatformStaff() {
        return company.platformOperator();
    }

    public boolean isPartnerDeveloper() {
        return isWebServicesAdministrator() && company.developmentPartner();
    }

    public boolean isAdministrationVisible() {
        return isWebServicesAdministrator() || isPlatformStaff();
    }

    /** The message key of the role as the UI names it: the highest of staff, the two permissions, employee. */
    public String getRoleKey() {
        if (isPlatformStaff()) {
            return "role.platformStaff";
        }
        if (isCompanyAdministrator()) {
            return "role.companyAdministrator";
        }
        if (isWebServicesAdministrator()) {
            return "role.webServicesAdministrator";
        }
        return "role.employee";
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
        if (isWebServicesAdministrator()) {
            authorities.add(role(Roles.WEB_SERVICES_ADMIN));
        }
        if (isCompanyAdministrator()) {
            authorities.add(role(Roles.COMPANY_ADMIN));
        }
        if (isPlatformStaff()) {
            authorities.add(role(Roles.PLATFORM_STAFF));
        }
        if (isPartnerDeveloper()) {
            authorities.add(role(Roles.PARTNER_DEVELOPER));
        }
        return Collections.unmodifiableList(authorities);
    }

    private static GrantedAuthority role(String name) {
        return new SimpleGrantedAuthority("ROLE_" + name);
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PartnerUser that && this.userId == that.userId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(userId);
    }

    @Override
    public String toString() {
        return "PartnerUser[" + userId + ", " + email + "]";
    }
}
