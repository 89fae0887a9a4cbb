package dev.partnerapps.api;

/** Input a platform API refuses: answered as a 400 problem detail with this message. */
public class BadApiRequestException extends RuntimeException {

    public BadApiRequestException(String message) {
        super(message);
    }
}
