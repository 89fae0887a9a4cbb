package dev.partnerapps.api;

/** Missing, or another company's: the caller cannot tell which (404). */
public class ApiNotFoundException extends RuntimeException {

    public ApiNotFoundException(String what) {
        super(what + " not found");
    }
}
