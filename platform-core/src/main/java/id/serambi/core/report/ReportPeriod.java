package id.serambi.core.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;

/**
 * A report's period in portal-local days, inclusive: an ISO week ("2026-W47"), a month ("2026-11") or a half
 * year ("2026-H2", the six-monthly report of seeds 000 and 002).
 */
public record ReportPeriod(Kind kind, String code, LocalDate firstDay, LocalDate lastDay) {
    public enum Kind { WEEK, MONTH, HALF_YEAR }

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");

    /** Parses "2026-W47", "2026-11" or "2026-H2"; anything else is the user's mistake, named on field "period". */
    public static ReportPeriod parse(String text) {
        String value = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        try {
            Matcher m = WEEK.matcher(value);
            if (m.matches()) {
                int year = Integer.parseInt(m.group(1));
                int week = Integer.parseInt(m.group(2));
                LocalDate monday = LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                        .with(DayOfWeek.MONDAY);
                if (week >= 1 && monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) == week
                        && monday.get(IsoFields.WEEK_BASED_YEAR) == year) {
                    return new ReportPeriod(Kind.WEEK, value, monday, monday.plusDays(6));
                }
            }
            m = MONTH.matcher(value);
            if (m.matches()) {
                YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                return new ReportPeriod(Kind.MONTH, value, month.atDay(1), month.atEndOfMonth());
            }
            m = HALF.matcher(value);
            if (m.matches()) {
                int year = Integer.parseInt(m.group(1));
                boolean first = m.group(2).equals("1");
                return new ReportPeriod(Kind.HALF_YEAR, value, LocalDate.of(year, first ? 1 : 7, 1),
                        first ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31));
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            // falls through to the refusal below
        }
        throw new InvalidInputException(FieldError.of("period", "validation.report.period"));
    }

    /** The period of the given kind that holds {@code day}. */
    public static ReportPeriod containing(Kind kind, LocalDate day) {
        return switch (kind) {
            case WEEK -> parse(String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
            case MONTH -> parse(String.format("%d-%02d", day.getYear(), day.getMonthValue()));
            case HALF_YEAR -> parse(day.getYear() + "-H" + (day.getMonthValue() <= 6 ? 1 : 2));
        };
    }

    /** The period before this one, of the same kind. */
    public ReportPeriod previous() {
        return containing(kind, firstDay.minusDays(1));
    }

    /** The quota weeks of the period: those whose Thursday lies in it (the ISO rule for weeks across a border). */
    public LocalDate firstMonday() {
        return firstDay.minusDays(3).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    }

    public LocalDate lastMonday() {
        return lastDay.minusDays(3).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public ZonedDateTime start(ZoneId zone) {
        return firstDay.atStartOfDay(zone);
    }

    public ZonedDateTime end(ZoneId zone) {
        return lastDay.plusDays(1).atStartOfDay(zone);
    }

    /** "Minggu 2026-W47 (16–22 November 2026)", "November 2026", "Semester II 2026". */
    public String label(Locale locale) {
        boolean id = !"en".equals(locale.getLanguage());
        return switch (kind) {
            case WEEK -> (id ? "Minggu " : "Week ") + code + " (" + firstDay.getDayOfMonth() + " "
                    + firstDay.getMonth().getDisplayName(TextStyle.FULL, locale) + " – " + lastDay.getDayOfMonth() + " "
                    + lastDay.getMonth().getDisplayName(TextStyle.FULL, locale) + " " + lastDay.getYear() + ")";
            case MONTH -> firstDay.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale) + " " + firstDay.getYear();
            case HALF_YEAR -> (id ? "Semester " : "Half-year ") + (firstDay.getMonthValue() == 1 ? "I" : "II") + " "
                    + firstDay.getYear() + " (" + firstDay + " – " + lastDay + ")";
        };
    }
}
