package dev.partnerapps.api;

/** The token is valid but lacks a scope the operation needs (RFC 6750 insufficient_scope). */
public class InsufficientScopeException extends RuntimeException {

    private final String scope;

    public InsufficientScopeException(String scope) {
        super("The access token lacks scope " + scope);
        this.scope = scope;
    }

    public String scope() {
        return scope;
    }
}
