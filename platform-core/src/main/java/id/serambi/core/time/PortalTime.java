package id.serambi.core.time;

import java.time.Clock;
import java.time.ZoneId;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * The portal's clock and time zone (default Asia/Jakarta, setting {@code serambi.time-zone}). Weeks, display
 * dates and schedules are all reckoned in this zone; timestamps are stored as timestamptz.
 */
@Factory
public class PortalTime {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    ZoneId portalZone(@Value("${serambi.time-zone:Asia/Jakarta}") String zone) {
        return ZoneId.of(zone);
    }
}
