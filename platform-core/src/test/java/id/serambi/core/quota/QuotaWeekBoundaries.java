package id.serambi.core.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import id.serambi.core.tenant.Tenant;
import jakarta.inject.Inject;

/**
 * A week runs Monday 00:00:00 to Sunday 23:59:59 in the portal's zone, whichever of Indonesia's three zones
 * that is: a post at Sunday 23:59:59 local counts in that week, one at Monday 00:00:00 in the next.
 */
abstract class QuotaWeekBoundaries extends QuotaScenario {
    @Inject QuotaService quota;

    @Test
    void sunday_235959_counts_in_its_week_and_monday_midnight_in_the_next() {
        Tenant tenant = tenant("dinkes", "2026-01-05T08:00");
        post(tenant, "news", "2026-11-09T00:00:00");           // Monday 00:00:00: the first instant of W46
        post(tenant, "news", "2026-11-15T23:59:59");           // Sunday 23:59:59: still W46
        post(tenant, "announcement", "2026-11-16T00:00:00");   // Monday 00:00:00: W47
        post(tenant, "news", "2026-11-16T00:30:00");           // W47 here, though still Sunday in a zone further west
        post(tenant, "page", "2026-11-16T10:00:00");           // a page never counts
        now("2026-11-18T10:00");

        QuotaOverview overview = quota.between(tenant.id(), LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 16));
        List<WeekCell> weeks = overview.tenants().get(0).weeks();
        assertThat(weeks).extracting(c -> c.week().label()).containsExactly("2026-W45", "2026-W46", "2026-W47");
        assertThat(weeks).extracting(WeekCell::published).containsExactly(0, 2, 2);
        assertThat(weeks).extracting(WeekCell::state)
                .containsExactly(WeekState.MISSED, WeekState.MET, WeekState.MET);
        assertThat(quota.thisWeek(tenant.id()).published()).isEqualTo(2);
        assertThat(weeks.get(2).week().start().getZone().getId()).isEqualTo(zone());
    }
}
