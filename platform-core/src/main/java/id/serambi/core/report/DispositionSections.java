package id.serambi.core.report;

import static id.serambi.core.jooq.public_.Tables.APP_USER;
import static id.serambi.core.jooq.public_.Tables.DISPOSITION;
import static id.serambi.core.jooq.public_.Tables.TENANT;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import jakarta.inject.Singleton;

/**
 * Dispositions per agency: how many were sent, answered and closed in the period, and how many stood overdue
 * at its end (past their due day and not yet answered; for the running period, now), with those listed.
 */
@Singleton
class DispositionSections implements ReportContributor {
    private final DSLContext db;
    private final Clock clock;
    private final ZoneId zone;

    DispositionSections(DSLContext db, Clock clock, ZoneId zone) {
        this.db = db;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public List<ReportSection> sections(ReportScope scope, ReportPeriod period) {
        OffsetDateTime start = period.start(zone).toOffsetDateTime();
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime end = period.end(zone).toOffsetDateTime();
        // A period still running is judged as it stands now, not as it will stand at its end.
        OffsetDateTime cutoff = end.isAfter(now) ? now : end;
        var cutoffDay = cutoff.atZoneSameInstant(zone).toLocalDate();
        Condition overdue = DISPOSITION.SENT_AT.lt(cutoff).and(DISPOSITION.DUE_ON.lt(cutoffDay))
                .and(DISPOSITION.ANSWERED_AT.isNull().or(DISPOSITION.ANSWERED_AT.ge(cutoff)));
        Condition sites = TENANT.STATUS.ne("provisioning");
        if (!scope.isDistrict()) {
            sites = TENANT.ID.eq(scope.tenant().value());
        }

        Field<Integer> sent = count(DISPOSITION.SENT_AT.ge(start).and(DISPOSITION.SENT_AT.lt(end)));
        Field<Integer> answered = count(DISPOSITION.ANSWERED_AT.ge(start).and(DISPOSITION.ANSWERED_AT.lt(end)));
        Field<Integer> closed = count(DISPOSITION.CLOSED_AT.ge(start).and(DISPOSITION.CLOSED_AT.lt(end)));
        Field<Integer> late = count(overdue);
        List<List<String>> summary = new ArrayList<>();
        int[] totals = new int[4];
        db.select(TENANT.NAME, sent, answered, closed, late)
                .from(TENANT).leftJoin(DISPOSITION).on(DISPOSITION.TENANT_ID.eq(TENANT.ID))
                .where(sites).groupBy(TENANT.ID, TENANT.NAME).orderBy(TENANT.NAME, TENANT.ID)
                .forEach(r -> {
                    summary.add(List.of(r.value1(), String.valueOf(r.value2()), String.valueOf(r.value3()),
                            String.valueOf(r.value4()), String.valueOf(r.value5())));
                    totals[0] += r.value2();
                    totals[1] += r.value3();
                    totals[2] += r.value4();
                    totals[3] += r.value5();
                });
        if (scope.isDistrict()) {
            summary.add(List.of("Jumlah", String.valueOf(totals[0]), String.valueOf(totals[1]), String.valueOf(totals[2]),
                    String.valueOf(totals[3])));
        }

        Condition overdueHere = scope.isDistrict() ? overdue : overdue.and(DISPOSITION.TENANT_ID.eq(scope.tenant().value()));
        List<List<String>> overdueRows = db.select(TENANT.NAME, DISPOSITION.SUBJECT, DISPOSITION.SENT_AT, DISPOSITION.DUE_ON,
                        APP_USER.DISPLAY_NAME)
                .from(DISPOSITION).join(TENANT).on(TENANT.ID.eq(DISPOSITION.TENANT_ID))
                .leftJoin(APP_USER).on(APP_USER.ID.eq(DISPOSITION.SENT_BY))
                .where(overdueHere).orderBy(DISPOSITION.DUE_ON, DISPOSITION.ID)
                .fetch(r -> List.of(r.value1(), r.value2(), r.value3().atZoneSameInstant(zone).toLocalDate().toString(),
                        r.value4().toString(), String.valueOf(ChronoUnit.DAYS.between(r.value4(), cutoffDay)),
                        r.value5() == null ? "" : r.value5()));

        String asOf = cutoff.equals(end) ? "akhir periode" : "saat laporan dibuat";
        return List.of(
                new ReportSection("dispositions", "Disposisi",
                        List.of("Situs", "Dikirim", "Dijawab", "Selesai", "Terlambat pada " + asOf), summary,
                        List.of("Dikirim, dijawab dan selesai: langkah yang terjadi pada periode ini.",
                                "Terlambat: melewati tanggal tenggat dan belum dijawab pada " + asOf + ".")),
                new ReportSection("dispositions_overdue", "Disposisi terlambat",
                        List.of("Situs", "Perihal", "Dikirim", "Tenggat", "Hari terlambat", "Pengirim"), overdueRows,
                        overdueRows.isEmpty() ? List.of("Tidak ada disposisi yang terlambat pada " + asOf + ".") : List.of()));
    }

    private static Field<Integer> count(Condition condition) {
        return DSL.count().filterWhere(condition);
    }
}
