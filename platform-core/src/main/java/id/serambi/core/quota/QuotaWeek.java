package id.serambi.core.quota;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * A quota week: the ISO week, Monday 00:00 to the next Monday 00:00 in the portal's time zone. Week 1 of a
 * week-based year is the week with the year's first Thursday, so 29 December 2025 is in 2026-W01.
 */
public record QuotaWeek(int weekBasedYear, int week, ZonedDateTime start, ZonedDateTime end) {

    public static QuotaWeek containing(Instant instant, ZoneId zone) {
        LocalDate day = instant.atZone(zone).toLocalDate();
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new QuotaWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                monday.atStartOfDay(zone), monday.plusWeeks(1).atStartOfDay(zone));
    }

    /** The week that begins on {@code monday} (a portal-local date). */
    public static QuotaWeek startingOn(java.time.LocalDate monday, ZoneId zone) {
        return containing(monday.atStartOfDay(zone).toInstant(), zone);
    }

    public LocalDate firstDay() {
        return start.toLocalDate();
    }

    public LocalDate lastDay() {
        return end.toLocalDate().minusDays(1);
    }

    public QuotaWeek next() {
        return containing(end.toInstant(), end.getZone());
    }

    public QuotaWeek previous() {
        return containing(start.minusDays(1).toInstant(), start.getZone());
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start.toInstant()) && instant.isBefore(end.toInstant());
    }

    /** "2026-W47". */
    public String label() {
        return String.format("%d-W%02d", weekBasedYear, week);
    }
}
