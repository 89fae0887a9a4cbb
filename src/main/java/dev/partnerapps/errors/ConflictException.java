package dev.partnerapps.errors;

/** The request is understood and allowed, but clashes with a rule or the current data (the console answers 409). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
