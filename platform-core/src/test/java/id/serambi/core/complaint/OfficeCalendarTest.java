package id.serambi.core.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Office hours Mon–Thu 07:30–16:00, Fri 07:30–16:30 in Jakarta, and holidays: where complaint clocks run. */
class OfficeCalendarTest {
    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    // 2026-12-25 is a Friday (Christmas), 2026-12-24 a Thursday (cuti bersama in this test).
    final OfficeCalendar calendar = new OfficeCalendar(OfficeCalendar.USUAL_HOURS,
            Set.of(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25)), JAKARTA);

    static OffsetDateTime at(String local) {
        return LocalDateTime.parse(local).atZone(JAKARTA).toOffsetDateTime();
    }

    @Test
    void minutes_inside_one_office_day_are_plain_minutes() {
        assertThat(calendar.addOfficeMinutes(at("2026-11-23T10:00"), 15)).isEqualTo(at("2026-11-23T10:15"));
    }

    @Test
    void a_step_begun_before_closing_continues_at_the_next_opening() {
        // Thursday 15:55 + 15 min: 5 minutes on Thursday, 10 on Friday from 07:30.
        assertThat(calendar.addOfficeMinutes(at("2026-11-26T15:55"), 15)).isEqualTo(at("2026-11-27T07:40"));
    }

    @Test
    void friday_closes_later_than_the_other_days() {
        assertThat(calendar.addOfficeMinutes(at("2026-11-27T16:10"), 15)).isEqualTo(at("2026-11-27T16:25"));
        assertThat(calendar.addOfficeMinutes(at("2026-11-27T16:20"), 15)).isEqualTo(at("2026-11-30T07:35"));
        assertThat(calendar.addOfficeMinutes(at("2026-11-26T16:10"), 15)).isEqualTo(at("2026-11-27T07:45"));
    }

    @Test
    void weekends_and_nights_do_not_count() {
        assertThat(calendar.addOfficeMinutes(at("2026-11-28T09:00"), 15)).isEqualTo(at("2026-11-30T07:45"));
        assertThat(calendar.addOfficeMinutes(at("2026-11-24T05:00"), 15)).isEqualTo(at("2026-11-24T07:45"));
        assertThat(calendar.addOfficeMinutes(at("2026-11-24T23:00"), 15)).isEqualTo(at("2026-11-25T07:45"));
    }

    @Test
    void holidays_are_skipped() {
        // Wednesday 23 Dec 15:50 + 15: 10 minutes Wednesday, then Thu 24 and Fri 25 are holidays, Sat/Sun closed.
        assertThat(calendar.addOfficeMinutes(at("2026-12-23T15:50"), 15)).isEqualTo(at("2026-12-28T07:35"));
    }

    @Test
    void office_days_keep_the_time_of_day_and_skip_holidays_and_weekends() {
        assertThat(calendar.addOfficeDays(at("2026-11-23T10:00"), 2)).isEqualTo(at("2026-11-25T10:00"));
        // Thursday + 2 office days = Monday (Friday, Monday).
        assertThat(calendar.addOfficeDays(at("2026-11-26T10:00"), 2)).isEqualTo(at("2026-11-30T10:00"));
        // Tuesday 22 Dec + 2 = Wednesday 23, then Mon 28 (24 and 25 are holidays).
        assertThat(calendar.addOfficeDays(at("2026-12-22T09:00"), 2)).isEqualTo(at("2026-12-28T09:00"));
        // Asked on Saturday: counts from Monday's opening.
        assertThat(calendar.addOfficeDays(at("2026-11-28T12:00"), 2)).isEqualTo(at("2026-12-02T07:30"));
        // Friday 16:20 is past Thursday-style closing on the due day: clamped to that day's close.
        assertThat(calendar.addOfficeDays(at("2026-11-27T16:20"), 1)).isEqualTo(at("2026-11-30T16:00"));
    }

    @Test
    void office_minutes_between_two_moments_count_only_open_hours() {
        assertThat(calendar.officeMinutesBetween(at("2026-11-26T15:55"), at("2026-11-27T07:40"))).isEqualTo(15);
        assertThat(calendar.officeMinutesBetween(at("2026-11-27T16:00"), at("2026-11-30T08:00"))).isEqualTo(60);
        assertThat(calendar.officeMinutesBetween(at("2026-12-23T15:50"), at("2026-12-28T07:35"))).isEqualTo(15);
        assertThat(calendar.officeMinutesBetween(at("2026-11-27T10:00"), at("2026-11-27T09:00"))).isZero();
    }
}
