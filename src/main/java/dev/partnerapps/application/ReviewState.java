package dev.partnerapps.application;

/** Where an application stands in the platform staff's review. */
public enum ReviewState {
    NOT_SUBMITTED("Not submitted"),
    SUBMITTED("Submitted"),
    APPROVED("Approved"),
    REJECTED("Rejected");

    private final String label;

    ReviewState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
