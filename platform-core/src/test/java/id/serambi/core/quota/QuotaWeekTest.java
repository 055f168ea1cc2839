package id.serambi.core.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class QuotaWeekTest {
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @Test
    void a_week_runs_from_monday_midnight_to_the_next_monday_midnight_in_jakarta() {
        QuotaWeek week = QuotaWeek.containing(Instant.parse("2026-11-19T10:00:00Z"), JAKARTA);
        assertThat(week.label()).isEqualTo("2026-W47");
        assertThat(week.start()).isEqualTo(ZonedDateTime.of(2026, 11, 16, 0, 0, 0, 0, JAKARTA));
        assertThat(week.end()).isEqualTo(ZonedDateTime.of(2026, 11, 23, 0, 0, 0, 0, JAKARTA));
    }

    @Test
    void sunday_evening_utc_is_already_monday_in_jakarta() {
        // 2026-11-22 17:30 UTC is Monday 2026-11-23 00:30 WIB: the next week.
        QuotaWeek week = QuotaWeek.containing(Instant.parse("2026-11-22T17:30:00Z"), JAKARTA);
        assertThat(week.label()).isEqualTo("2026-W48");
        QuotaWeek before = QuotaWeek.containing(Instant.parse("2026-11-22T16:59:59Z"), JAKARTA);
        assertThat(before.label()).isEqualTo("2026-W47");
    }

    @Test
    void the_last_days_of_december_can_belong_to_week_one_of_the_next_year() {
        assertThat(QuotaWeek.containing(Instant.parse("2025-12-29T05:00:00Z"), JAKARTA).label()).isEqualTo("2026-W01");
        assertThat(QuotaWeek.containing(Instant.parse("2027-01-01T05:00:00Z"), JAKARTA).label()).isEqualTo("2026-W53");
    }

    @Test
    void the_week_boundary_is_inclusive_at_the_start_and_exclusive_at_the_end() {
        QuotaWeek week = QuotaWeek.containing(Instant.parse("2026-11-19T10:00:00Z"), JAKARTA);
        assertThat(week.contains(week.start().toInstant())).isTrue();
        assertThat(week.contains(week.end().toInstant())).isFalse();
        assertThat(week.contains(week.end().toInstant().minusNanos(1))).isTrue();
    }

    @Test
    void the_previous_week_of_week_one_is_the_last_week_of_the_year_before() {
        QuotaWeek first = QuotaWeek.containing(Instant.parse("2026-01-01T05:00:00Z"), JAKARTA);
        assertThat(first.label()).isEqualTo("2026-W01");
        assertThat(first.previous().label()).isEqualTo("2025-W52");
        assertThat(first.previous().end()).isEqualTo(first.start());
    }

    @Test
    void a_zone_with_daylight_saving_still_starts_weeks_at_local_midnight() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // The week of the switch to summer time (2026-03-29) is 167 hours long.
        QuotaWeek week = QuotaWeek.containing(Instant.parse("2026-03-27T12:00:00Z"), berlin);
        assertThat(week.start().getHour()).isZero();
        assertThat(week.end().getHour()).isZero();
        assertThat(java.time.Duration.between(week.start(), week.end()).toHours()).isEqualTo(167);
    }
}
