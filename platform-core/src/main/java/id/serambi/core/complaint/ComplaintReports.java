package id.serambi.core.complaint;

import static id.serambi.core.jooq.public_.Tables.COMPLAINT;
import static id.serambi.core.jooq.public_.Tables.COMPLAINT_EVENT;
import static id.serambi.core.jooq.public_.Tables.TENANT;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import id.serambi.core.access.Access;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.report.Csv;
import id.serambi.core.tenant.TenantId;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

/**
 * Monthly complaint figures per agency (its dashboard, CSV, XLSX) and across the district (Kominfo and the
 * coordinators). Only counts and times: no name, contact or text of any complaint leaves through here.
 */
@Singleton
public class ComplaintReports {
    private static final List<String> TIMED_STEPS = List.of("received", "verified", "escalated", "answered");

    private final DSLContext db;
    private final Access access;
    private final Clock clock;
    private final ZoneId zone;

    ComplaintReports(DSLContext db, Access access, Clock clock, ZoneId zone) {
        this.db = db;
        this.access = access;
        this.clock = clock;
        this.zone = zone;
    }

    @ReadOnly
    public ComplaintReport forTenant(Actor actor, String slug, YearMonth month) {
        TenantId tenant = access.requireInTenant(actor, Action.VIEW_COMPLAINT_REPORT, slug);
        return compute(tenant, month, OfficeCalendars.load(db, zone));
    }

    /** Every agency with complaints switched on or any complaint, for Kominfo and the coordinators. */
    @ReadOnly
    public List<ComplaintReport> forDistrict(Actor actor, YearMonth month) {
        access.require(actor, Action.VIEW_COMPLAINT_REPORT);
        OfficeCalendar calendar = OfficeCalendars.load(db, zone);
        List<ComplaintReport> all = new ArrayList<>();
        for (var id : db.selectDistinct(COMPLAINT.TENANT_ID).from(COMPLAINT).fetch(COMPLAINT.TENANT_ID)) {
            all.add(compute(new TenantId(id), month, calendar));
        }
        all.sort(java.util.Comparator.comparing(ComplaintReport::tenantName));
        return all;
    }

    public static String csv(List<ComplaintReport> reports) {
        List<List<String>> rows = new ArrayList<>();
        reports.forEach(r -> rows.addAll(r.rows()));
        return Csv.document(ComplaintReport.HEADER, rows);
    }

    public static byte[] xlsx(List<ComplaintReport> reports) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "Serambi", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Pengaduan");
            for (int c = 0; c < ComplaintReport.HEADER.size(); c++) {
                sheet.value(0, c, ComplaintReport.HEADER.get(c));
                sheet.style(0, c).bold().set();
            }
            int row = 1;
            for (ComplaintReport report : reports) {
                for (List<String> values : report.rows()) {
                    for (int c = 0; c < values.size(); c++) {
                        String v = values.get(c);
                        if (c >= 2 && !v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
                            sheet.value(row, c, Long.parseLong(v));
                        } else {
                            sheet.value(row, c, v);
                        }
                    }
                    row++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private ComplaintReport compute(TenantId tenant, YearMonth month, OfficeCalendar calendar) {
        OffsetDateTime from = month.atDay(1).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime now = OffsetDateTime.now(clock);
        var t = db.select(TENANT.SLUG, TENANT.NAME).from(TENANT).where(TENANT.ID.eq(tenant.value())).fetchOne();
        var inMonth = COMPLAINT.TENANT_ID.eq(tenant.value()).and(COMPLAINT.FILED_AT.ge(from)).and(COMPLAINT.FILED_AT.lt(to));
        long received = db.fetchCount(COMPLAINT, inMonth);
        Map<String, Long> byChannel = new LinkedHashMap<>();
        db.select(COMPLAINT.CHANNEL, DSL.count()).from(COMPLAINT).where(inMonth).groupBy(COMPLAINT.CHANNEL)
                .orderBy(COMPLAINT.CHANNEL).forEach(r -> byChannel.put(r.value1(), r.value2().longValue()));
        Map<String, Long> byCategory = new LinkedHashMap<>();
        db.select(DSL.coalesce(COMPLAINT.CATEGORY, "-"), DSL.count()).from(COMPLAINT).where(inMonth)
                .groupBy(COMPLAINT.CATEGORY).orderBy(COMPLAINT.CATEGORY)
                .forEach(r -> byCategory.put(r.value1(), r.value2().longValue()));

        Map<String, List<Long>> minutes = new LinkedHashMap<>();
        Map<String, Long> inTime = new LinkedHashMap<>();
        TIMED_STEPS.forEach(s -> {
            minutes.put(s, new ArrayList<>());
            inTime.put(s, 0L);
        });
        for (var e : db.select(COMPLAINT_EVENT.FROM_STATUS, COMPLAINT_EVENT.STEP_STARTED_AT, COMPLAINT_EVENT.STEP_DUE_AT,
                        COMPLAINT_EVENT.OCCURRED_AT)
                .from(COMPLAINT_EVENT)
                .where(COMPLAINT_EVENT.TENANT_ID.eq(tenant.value()))
                .and(COMPLAINT_EVENT.OCCURRED_AT.ge(from)).and(COMPLAINT_EVENT.OCCURRED_AT.lt(to))
                .and(COMPLAINT_EVENT.STEP_DUE_AT.isNotNull()).and(COMPLAINT_EVENT.FROM_STATUS.in(TIMED_STEPS))
                .fetch()) {
            minutes.get(e.value1()).add(calendar.officeMinutesBetween(e.value2(), e.value4()));
            if (!e.value4().isAfter(e.value3())) {
                inTime.merge(e.value1(), 1L, Long::sum);
            }
        }
        Map<String, Long> overdue = new LinkedHashMap<>();
        OffsetDateTime cutoff = now.isBefore(to) ? now : to;
        db.select(COMPLAINT.STATUS, DSL.count()).from(COMPLAINT)
                .where(COMPLAINT.TENANT_ID.eq(tenant.value())).and(COMPLAINT.STATUS.in(TIMED_STEPS))
                .and(COMPLAINT.DUE_AT.lt(cutoff)).and(COMPLAINT.DUE_AT.ge(from))
                .groupBy(COMPLAINT.STATUS).forEach(r -> overdue.put(r.value1(), r.value2().longValue()));
        List<ComplaintReport.StepFigure> steps = new ArrayList<>();
        for (String step : TIMED_STEPS) {
            List<Long> m = minutes.get(step);
            m.sort(null);
            long median = m.isEmpty() ? 0 : m.size() % 2 == 1 ? m.get(m.size() / 2) : (m.get(m.size() / 2 - 1) + m.get(m.size() / 2)) / 2;
            steps.add(new ComplaintReport.StepFigure(step, m.size(), median, inTime.get(step), overdue.getOrDefault(step, 0L)));
        }
        return new ComplaintReport(t.value1(), t.value2(), month, received, byChannel, byCategory, steps);
    }
}
