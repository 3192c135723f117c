package dev.akin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BodyRateGuardTest {
    private static final long MS = 1_000_000;
    private final BodyRateGuard guard = new BodyRateGuard(1024, Duration.ofSeconds(5));

    @Test
    void aSmallBodyIsNeverJudgedWithinTheGrace() {
        // Jetty's own check refuses a 1-byte body whose reads are 2 ms apart; a pause this long is routine.
        assertThat(guard.tooSlow(1, 2 * MS)).isFalse();
        assertThat(guard.tooSlow(100, 4_900 * MS)).isFalse();
    }

    @Test
    void aTrickleIsRefusedOnceItFallsBelowTheRateAfterTheGrace() {
        assertThat(guard.tooSlow(30, 6_000 * MS)).as("5 B/s for 6 s").isTrue();
        assertThat(guard.tooSlow(2_000, 6_000 * MS)).as("1 KB in the judged second").isFalse();
        assertThat(guard.tooSlow(1_000_000, 60_000 * MS)).as("a large body at 16 KB/s").isFalse();
    }

    @Test
    void invalidSettingsNameTheValue() {
        assertThatThrownBy(() -> new BodyRateGuard(0, Duration.ZERO)).hasMessageContaining("got 0");
        assertThatThrownBy(() -> new BodyRateGuard(1, Duration.ofSeconds(-1))).hasMessageContaining("PT-1S");
    }
}
