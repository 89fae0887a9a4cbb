package dev.partnerapps.support;

final class Ci {

    private Ci() {
    }

    static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
