package dev.partnerapps.company;

import static dev.partnerapps.support.DemoUsers.ACME_EMPLOYEE;
import static dev.partnerapps.support.DemoUsers.GLOBEX_ADMIN;
import static dev.partnerapps.support.DemoUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partnerapps.support.HttpSession;
import dev.partnerapps.support.PostgresTestBase;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/** The schema, the repositories and database-backed sessions on a real PostgreSQL. */
class PostgresPersistenceTests extends PostgresTestBase {

    @Autowired
    Flyway flyway;

    @Autowired
    CompanyRepository companies;

    @Autowired
    UserAccountRepository users;

    @Test
    void runsOnPostgresqlWithEveryMigrationApplied() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        assertThat(flyway.info().applied()).isNotEmpty()
                .allSatisfy(migration -> assertThat(migration.getState()).isEqualTo(MigrationState.SUCCESS));
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void repositoriesFindUsersOnlyWithinTheirCompany() {
        UserAccount admin = users.findByEmail(GLOBEX_ADMIN).orElseThrow();
        UserAccount acmeEmployee = users.findByEmail(ACME_EMPLOYEE).orElseThrow();
        assertThat(admin.getPermissions()).containsExactly(Permission.COMPANY_ADMINISTRATOR);
        assertThat(users.findByIdAndCompanyId(acmeEmployee.getId(), admin.getCompany().getId())).isEmpty();
        assertThat(users.findByCompanyIdOrderByEmail(admin.getCompany().getId()))
                .extracting(UserAccount::getEmail)
                .containsSubsequence("admin@globex.example", "employee@globex.example")
                // Other tests on this database add Globex users of their own; never another company's.
                .allMatch(email -> email.endsWith("@globex.example"));
    }

    @Test
    void theDatabaseRefusesADuplicateDomainEvenIfTheCheckIsBypassed() {
        assertThatThrownBy(() -> companies.saveAndFlush(
                new Company("Copy", "globex.example", false, Instant.now())))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void signInSessionsAreStoredInTheDatabase() {
        HttpSession browser = new HttpSession(port);
        assertThat(HttpSession.location(browser.signIn(GLOBEX_ADMIN, PASSWORD))).endsWith("/");
        assertThat(browser.get("/admin/web-services/users").body()).contains("employee@globex.example");
        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = ?",
                Long.class, GLOBEX_ADMIN)).isPositive();
    }
}
