package dev.partnerapps.support;

/**
 * A test of the application of {@link IntegrationTest} (in-memory H2, the one shared context):
 * extending it is the same as annotating the class with {@code @IntegrationTest}, with the fields
 * and clients of {@link WebTestBase}. A class may add its own {@code @TestPropertySource}, at the
 * cost of a context of its own.
 */
@IntegrationTest
public abstract class IntegrationTestBase extends WebTestBase {
}
