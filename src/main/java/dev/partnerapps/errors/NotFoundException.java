package dev.partnerapps.errors;

/**
 * Missing, or not the caller's to see: a lookup by the caller's company and an id found nothing,
 * and the caller must not learn which (the console answers 404).
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
