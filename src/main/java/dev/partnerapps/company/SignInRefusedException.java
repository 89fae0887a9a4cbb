package dev.partnerapps.company;

import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in that the throttle refused or answered with a wait (docs/throttling.md). The sign-in
 * page turns it into a message saying how long to wait; the password was not checked unless
 * {@link #afterFailure()}.
 */
public class SignInRefusedException extends AuthenticationException {

    /** Why, as the sign-in page explains it. */
    public enum Reason { WAIT, ACCOUNT_LOCKED, ADDRESS_LOCKED }

    private final Reason reason;
    private final Instant until;
    private final boolean afterFailure;

    SignInRefusedException(Reason reason, Instant until, boolean afterFailure) {
        super("Sign-in throttled: " + reason);
        this.reason = reason;
        this.until = until;
        this.afterFailure = afterFailure;
    }

    public Reason reason() {
        return reason;
    }

    /** When the wait or lock ends. */
    public Instant until() {
        return until;
    }

    /** True when this attempt was checked and wrong, and the refusal is about the next one. */
    public boolean afterFailure() {
        return afterFailure;
    }
}
