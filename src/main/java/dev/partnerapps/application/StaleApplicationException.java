package dev.partnerapps.application;

import dev.partnerapps.errors.ConflictException;

/** A Modify form saved on top of a newer change by someone else: refused, the newer change stays. */
class StaleApplicationException extends ConflictException {

    StaleApplicationException(String key) {
        super("Application " + key + " was changed by someone else");
    }
}
