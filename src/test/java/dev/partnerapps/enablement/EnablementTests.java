package dev.partnerapps.enablement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The enablement aggregate's own rule: a new generation each time the company disables. */
class EnablementTests {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void disablingStartsANewGenerationAndEnablingAgainKeepsIt() {
        Enablement enablement = new Enablement(1, 2, true, NOW, "admin@globex.example");
        assertThat(enablement.generation()).isZero();

        enablement.set(false, NOW, "admin@globex.example");
        assertThat(enablement.isEnabled()).isFalse();
        assertThat(enablement.generation()).isEqualTo(1);

        // Tokens of generation 0 must stay dead: enabling again does not go back.
        enablement.set(true, NOW, "admin@globex.example");
        assertThat(enablement.isEnabled()).isTrue();
        assertThat(enablement.generation()).isEqualTo(1);

        enablement.set(false, NOW, "admin@globex.example");
        assertThat(enablement.generation()).isEqualTo(2);
    }

    @Test
    void onlyATransitionFromEnabledToDisabledStartsAGeneration() {
        Enablement enablement = new Enablement(1, 2, false, NOW, "admin@globex.example");
        enablement.set(false, NOW, "admin@globex.example");
        assertThat(enablement.generation()).isZero();

        enablement.set(true, NOW, "admin@globex.example");
        enablement.set(true, NOW, "admin@globex.example");
        assertThat(enablement.generation()).isZero();
    }
}
