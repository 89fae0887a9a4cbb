package dev.partnerapps.company;

/** A value the form annotations accept but the rules refuse, such as a taken email or domain. */
class RejectedFieldException extends RuntimeException {

    private final String field;
    private final String messageKey;

    RejectedFieldException(String field, String messageKey) {
        super("Rejected value for " + field);
        this.field = field;
        this.messageKey = messageKey;
    }

    String field() {
        return field;
    }

    String messageKey() {
        return messageKey;
    }
}
