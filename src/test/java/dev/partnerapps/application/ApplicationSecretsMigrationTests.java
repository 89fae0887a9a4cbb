package dev.partnerapps.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * V15 moves each application's one Secret into application_secrets: an application registered
 * before the upgrade keeps its Secret (same digest, same age, no end, no expiry).
 */
class ApplicationSecretsMigrationTests {

    private static final Instant CREATED = Instant.parse("2026-03-01T10:00:00Z");

    private SingleConnectionDataSource database;
    private JdbcTemplate jdbc;

    @BeforeEach
    void startDatabase() {
        database = new SingleConnectionDataSource(
                "jdbc:h2:mem:v15-" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "sa", "", true);
        jdbc = new JdbcTemplate(database);
    }

    @AfterEach
    void stopDatabase() {
        database.destroy();
    }

    private void migrate(String target) {
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target(target).load().migrate();
    }

    @Test
    void anApplicationRegisteredBeforeKeepsItsSecret() {
        migrate("14");
        jdbc.update("insert into companies (name, domain, development_partner, created_at) values ('Acme', 'acme.example', true, ?)",
                Timestamp.from(CREATED));
        jdbc.update("""
                insert into partner_applications (owner_company_id, name, name_key, active, client_key, secret_hash,
                    secret_created_at, created_at, created_by, updated_at, updated_by)
                select id, 'Old App', 'old app', true, 'old-key', '{sha256}old-digest', ?, ?, 'dev@acme.example', ?,
                    'dev@acme.example' from companies""", Timestamp.from(CREATED), Timestamp.from(CREATED),
                Timestamp.from(CREATED));

        migrate("15");

        Map<String, Object> secret = jdbc.queryForMap("select s.* from application_secrets s"
                + " join partner_applications a on a.id = s.application_id where a.client_key = 'old-key'");
        assertThat(secret.get("digest")).isEqualTo("{sha256}old-digest");
        assertThat(jdbc.queryForObject("select created_at from application_secrets", Timestamp.class).toInstant())
                .isEqualTo(CREATED);
        assertThat(secret.get("ends_at")).isNull();
        assertThat(secret.get("expires_at")).isNull();
        assertThat(jdbc.queryForList("select column_name from information_schema.columns"
                + " where table_name = 'partner_applications'", String.class))
                .doesNotContain("secret_hash", "secret_created_at");
    }
}
