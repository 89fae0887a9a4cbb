package dev.partnerapps.application;

/** Who can see an application: its owner only, or every company (after staff approval). */
public enum Visibility {
    PRIVATE("Private"),
    PUBLIC("Public");

    private final String label;

    Visibility(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
