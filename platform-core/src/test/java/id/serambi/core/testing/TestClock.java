package id.serambi.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import id.serambi.core.time.PortalTime;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * A clock a test can move forward, instead of sleeping: switched on with the property
 * {@code serambi.test-clock=true}. It starts at the real time.
 */
@Singleton
@Replaces(value = Clock.class, factory = PortalTime.class)
@Requires(property = "serambi.test-clock", value = "true")
public class TestClock extends Clock {
    // Whole microseconds, as PostgreSQL stores them: a time read back equals the time written.
    private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
