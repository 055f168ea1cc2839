package id.serambi.core.complaint;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.jooq.DSLContext;

/** Reads the district's office calendar through the views both database roles may read. */
final class OfficeCalendars {
    private OfficeCalendars() {
    }

    static OfficeCalendar load(DSLContext db, ZoneId zone) {
        Map<DayOfWeek, OfficeCalendar.Hours> hours = new EnumMap<>(DayOfWeek.class);
        for (var r : db.fetch("select iso_day_of_week, opens_at, closes_at from portal.office_hours")) {
            hours.put(DayOfWeek.of(((Number) r.get(0)).intValue()),
                    new OfficeCalendar.Hours(r.get(1, LocalTime.class), r.get(2, LocalTime.class)));
        }
        Set<LocalDate> holidays = new HashSet<>();
        for (var r : db.fetch("select day from portal.holiday")) {
            holidays.add(r.get(0, LocalDate.class));
        }
        return new OfficeCalendar(hours.isEmpty() ? OfficeCalendar.USUAL_HOURS : hours, holidays, zone);
    }
}
