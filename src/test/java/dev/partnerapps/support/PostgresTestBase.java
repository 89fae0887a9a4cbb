package dev.partnerapps.support;

/**
 * A test of the application of {@link PostgresTest} (a fresh PostgreSQL database, skipped or
 * required as that annotation says): extending it is the same as annotating the class with
 * {@code @PostgresTest}, with the fields and clients of {@link WebTestBase}.
 */
@PostgresTest
public abstract class PostgresTestBase extends WebTestBase {
}
