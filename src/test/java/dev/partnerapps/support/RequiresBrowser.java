package dev.partnerapps.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

class RequiresBrowser implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Browser.isInstalled()) {
            return ConditionEvaluationResult.enabled("Chromium and chromedriver found");
        }
        if (Ci.isCi()) {
            throw new IllegalStateException("CI must run the browser tests: install chromium and chromium-driver "
                    + "(see .ci/run) or set CHROME_BIN and CHROMEDRIVER");
        }
        return ConditionEvaluationResult.disabled("No Chromium/chromedriver at " + Browser.chromeBinary() + " / "
                + Browser.chromeDriver());
    }
}
