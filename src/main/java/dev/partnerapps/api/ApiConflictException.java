package dev.partnerapps.api;

/** The request clashes with stored data, e.g. a list item code already used in its list (409). */
public class ApiConflictException extends RuntimeException {

    public ApiConflictException(String message) {
        super(message);
    }
}
