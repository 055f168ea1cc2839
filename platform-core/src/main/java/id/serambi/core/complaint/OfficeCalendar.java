package id.serambi.core.complaint;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Office hours in the portal's zone and the holidays: the clock of every complaint step runs only inside them.
 * A 15-minute step begun at 15:55 on a Thursday is due at 07:40 on Friday; one begun on a Saturday at 07:45 on
 * Monday (or the next working day after a holiday).
 */
public final class OfficeCalendar {
    /** Looking further than this for an office day means the calendar has none: a configuration error. */
    private static final int MAX_DAYS_AHEAD = 3_700;

    public record Hours(LocalTime opens, LocalTime closes) {
        public Hours {
            if (!opens.isBefore(closes)) {
                throw new IllegalArgumentException("office opens " + opens + " after it closes " + closes);
            }
        }
    }

    /** Mon–Thu 07:30–16:00, Fri 07:30–16:30 (the usual hours of a regional office). */
    public static final Map<DayOfWeek, Hours> USUAL_HOURS = Map.of(
            DayOfWeek.MONDAY, new Hours(LocalTime.of(7, 30), LocalTime.of(16, 0)),
            DayOfWeek.TUESDAY, new Hours(LocalTime.of(7, 30), LocalTime.of(16, 0)),
            DayOfWeek.WEDNESDAY, new Hours(LocalTime.of(7, 30), LocalTime.of(16, 0)),
            DayOfWeek.THURSDAY, new Hours(LocalTime.of(7, 30), LocalTime.of(16, 0)),
            DayOfWeek.FRIDAY, new Hours(LocalTime.of(7, 30), LocalTime.of(16, 30)));

    private final Map<DayOfWeek, Hours> hours;
    private final Set<LocalDate> holidays;
    private final ZoneId zone;

    public OfficeCalendar(Map<DayOfWeek, Hours> hours, Set<LocalDate> holidays, ZoneId zone) {
        if (hours.isEmpty()) {
            throw new IllegalArgumentException("an office calendar needs at least one office day");
        }
        this.hours = new EnumMap<>(hours);
        this.holidays = Set.copyOf(holidays);
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isOfficeDay(LocalDate day) {
        return hours.containsKey(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /** The moment {@code minutes} of office time after {@code start}. */
    public OffsetDateTime addOfficeMinutes(OffsetDateTime start, long minutes) {
        if (minutes < 0) {
            throw new IllegalArgumentException("negative minutes");
        }
        ZonedDateTime at = start.atZoneSameInstant(zone);
        Duration left = Duration.ofMinutes(minutes);
        for (int i = 0; i <= MAX_DAYS_AHEAD; i++) {
            LocalDate day = at.toLocalDate();
            if (isOfficeDay(day)) {
                Hours h = hours.get(day.getDayOfWeek());
                ZonedDateTime opens = day.atTime(h.opens()).atZone(zone);
                ZonedDateTime closes = day.atTime(h.closes()).atZone(zone);
                if (at.isBefore(opens)) {
                    at = opens;
                }
                if (at.isBefore(closes)) {
                    Duration available = Duration.between(at, closes);
                    if (left.compareTo(available) <= 0) {
                        return at.plus(left).toOffsetDateTime();
                    }
                    left = left.minus(available);
                }
            }
            at = day.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalStateException("no office day within " + MAX_DAYS_AHEAD + " days");
    }

    /**
     * The same point of the office day {@code days} office days after {@code start} (clamped to that day's
     * closing): a two-day answer asked for on Monday at 10:00 is due Wednesday 10:00. A start outside office
     * hours counts from the next opening.
     */
    public OffsetDateTime addOfficeDays(OffsetDateTime start, int days) {
        ZonedDateTime at = start.atZoneSameInstant(zone);
        LocalDate day = at.toLocalDate();
        Duration intoDay = Duration.ZERO;
        if (isOfficeDay(day) && at.toLocalTime().isBefore(hours.get(day.getDayOfWeek()).closes())) {
            LocalTime opens = hours.get(day.getDayOfWeek()).opens();
            intoDay = at.toLocalTime().isAfter(opens) ? Duration.between(opens, at.toLocalTime()) : Duration.ZERO;
        } else {
            day = nextOfficeDay(day);
        }
        for (int i = 0; i < days; i++) {
            day = nextOfficeDay(day);
        }
        Hours h = hours.get(day.getDayOfWeek());
        LocalTime time = h.opens().plus(intoDay);
        if (time.isAfter(h.closes()) || time.isBefore(h.opens())) {
            time = h.closes();
        }
        return day.atTime(time).atZone(zone).toOffsetDateTime();
    }

    /** Office minutes between two moments (zero if {@code to} is not after {@code from}). */
    public long officeMinutesBetween(OffsetDateTime from, OffsetDateTime to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        ZonedDateTime start = from.atZoneSameInstant(zone);
        ZonedDateTime end = to.atZoneSameInstant(zone);
        long seconds = 0;
        for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
            if (!isOfficeDay(day)) {
                continue;
            }
            Hours h = hours.get(day.getDayOfWeek());
            ZonedDateTime opens = day.atTime(h.opens()).atZone(zone);
            ZonedDateTime closes = day.atTime(h.closes()).atZone(zone);
            ZonedDateTime a = start.isAfter(opens) ? start : opens;
            ZonedDateTime b = end.isBefore(closes) ? end : closes;
            if (b.isAfter(a)) {
                seconds += Duration.between(a, b).toSeconds();
            }
        }
        return seconds / 60;
    }

    private LocalDate nextOfficeDay(LocalDate after) {
        LocalDate day = after.plusDays(1);
        for (int i = 0; i <= MAX_DAYS_AHEAD; i++, day = day.plusDays(1)) {
            if (isOfficeDay(day)) {
                return day;
            }
        }
        throw new IllegalStateException("no office day within " + MAX_DAYS_AHEAD + " days");
    }
}
