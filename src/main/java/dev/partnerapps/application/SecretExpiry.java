package dev.partnerapps.application;

import java.time.Instant;
import java.time.ZoneOffset;

/** The expiry chosen for a new Secret, at registration and at New Secret (docs/product.md section 2). */
public enum SecretExpiry {
    NEVER(0, 0),
    DAYS_90(0, 90),
    DAYS_180(0, 180),
    ONE_YEAR(1, 0);

    private final int years;
    private final int days;

    SecretExpiry(int years, int days) {
        this.years = years;
        this.days = days;
    }

    /** When a Secret created at {@code now} expires; null for never. A year is a calendar year (UTC). */
    Instant from(Instant now) {
        if (this == NEVER) {
            return null;
        }
        return now.atOffset(ZoneOffset.UTC).plusYears(years).plusDays(days).toInstant();
    }

    public String messageKey() {
        return "secrets.expiry." + name();
    }
}
