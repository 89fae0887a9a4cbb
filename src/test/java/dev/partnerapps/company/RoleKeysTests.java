package dev.partnerapps.company;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The navigation bar names the signed-in user's role by the message key PartnerUser gives: each one exists. */
class RoleKeysTests {

    private static final CompanyInfo OPERATOR = new CompanyInfo(1, "Platform", "platform.example", false, true);
    private static final CompanyInfo CUSTOMER = new CompanyInfo(2, "Globex", "globex.example", false, false);

    @Test
    void everyRoleIsNamedByItsHighestGrantAndHasItsMessage() throws IOException {
        Properties messages = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<PartnerUser> users = List.of(user(OPERATOR, Set.of(Permission.COMPANY_ADMINISTRATOR)),
                user(CUSTOMER, Set.of(Permission.COMPANY_ADMINISTRATOR, Permission.WEB_SERVICES_ADMINISTRATOR)),
                user(CUSTOMER, Set.of(Permission.WEB_SERVICES_ADMINISTRATOR)), user(CUSTOMER, Set.of()));
        assertThat(users).extracting(PartnerUser::getRoleKey)
                .containsExactly("role.platformStaff", "role.companyAdministrator", "role.webServicesAdministrator",
                        "role.employee")
                .allSatisfy(key -> assertThat(messages).containsKey(key));
    }

    private static PartnerUser user(CompanyInfo company, Set<Permission> permissions) {
        return new PartnerUser(1, "someone@" + company.domain(), "hash", true, 0, company, permissions);
    }
}
