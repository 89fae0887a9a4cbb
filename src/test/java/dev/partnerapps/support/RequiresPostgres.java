package dev.partnerapps.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs PostgreSQL tests where a server can be had; refuses to skip them under CI. */
class RequiresPostgres implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (TestPostgres.isAvailable()) {
            return ConditionEvaluationResult.enabled("PostgreSQL available");
        }
        if (Ci.isCi()) {
            throw new IllegalStateException("CI must run the PostgreSQL tests: set "
                    + TestPostgres.URL_VARIABLE + " (see .ci/run) or provide a Docker engine");
        }
        return ConditionEvaluationResult.disabled("No PostgreSQL: set " + TestPostgres.URL_VARIABLE
                + " or run a Docker engine");
    }
}
