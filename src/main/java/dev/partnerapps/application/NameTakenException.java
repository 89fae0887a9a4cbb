package dev.partnerapps.application;

import dev.partnerapps.errors.ConflictException;

/** The company already has an application of that name (names are unique per company, ignoring case). */
class NameTakenException extends ConflictException {

    NameTakenException(String name) {
        super("Application name " + name + " is taken");
    }
}
