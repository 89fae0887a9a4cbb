package dev.partnerapps.application;

import java.time.Duration;

/** New Secret: when the current Secret stops working (docs/product.md section 2). */
public enum SecretOverlap {
    /** At once, the default: what to do when a Secret leaked. */
    NOW(Duration.ZERO),
    ONE_HOUR(Duration.ofHours(1)),
    ONE_DAY(Duration.ofHours(24)),
    SEVEN_DAYS(Duration.ofDays(7));

    private final Duration duration;

    SecretOverlap(Duration duration) {
        this.duration = duration;
    }

    public Duration duration() {
        return duration;
    }

    /** The message key of its label on the New Secret form and in the audit log's words. */
    public String messageKey() {
        return "secrets.overlap." + name();
    }
}
