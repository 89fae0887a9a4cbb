package dev.partnerapps.company;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed sign-ins slow down and lock (docs/throttling.md). Failures are counted per account
 * and per client address; a count starts again after {@code window} without a failure.
 *
 * @param window     quiet time after which the failures of an account or address are forgotten
 * @param firstDelay the wait after the first failure beyond the free ones; it doubles with each
 *                   further failure, up to {@code maxDelay}
 * @param maxDelay   the longest wait before the lock
 * @param account    limits per account (email)
 * @param address    limits per client address: higher, as one office or mobile network carries
 *                   many people
 */
@ConfigurationProperties("partnerapps.throttling.sign-in")
record SignInThrottleProperties(
        @DefaultValue("15m") Duration window,
        @DefaultValue("1s") Duration firstDelay,
        @DefaultValue("30s") Duration maxDelay,
        Limits account,
        Limits address) {

    private static final Limits ACCOUNT = new Limits(3, 10, Duration.ofMinutes(15));
    private static final Limits ADDRESS = new Limits(20, 100, Duration.ofMinutes(15));

    SignInThrottleProperties {
        account = Limits.orDefaults(account, ACCOUNT);
        address = Limits.orDefaults(address, ADDRESS);
    }

    /**
     * @param freeFailures failures allowed without any wait
     * @param lockAfter    the failure that locks
     * @param lockFor      how long a lock lasts (staff can clear it earlier)
     */
    record Limits(Integer freeFailures, Integer lockAfter, Duration lockFor) {

        /** Any value not configured comes from the defaults for its kind. */
        static Limits orDefaults(Limits configured, Limits defaults) {
            if (configured == null) {
                return defaults;
            }
            return new Limits(configured.freeFailures() != null ? configured.freeFailures() : defaults.freeFailures(),
                    configured.lockAfter() != null ? configured.lockAfter() : defaults.lockAfter(),
                    configured.lockFor() != null ? configured.lockFor() : defaults.lockFor());
        }
    }

    /** The wait after this many failures, or zero while they are still free. */
    Duration delayAfter(int failures, Limits limits) {
        int beyond = failures - limits.freeFailures();
        if (beyond <= 0) {
            return Duration.ZERO;
        }
        Duration delay = firstDelay.multipliedBy(1L << Math.min(beyond - 1, 20));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
