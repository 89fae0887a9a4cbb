package dev.partnerapps.errors;

/** The caller's role does not allow this (the console answers 403). */
public class NotAllowedException extends RuntimeException {

    public NotAllowedException(String message) {
        super(message);
    }
}
