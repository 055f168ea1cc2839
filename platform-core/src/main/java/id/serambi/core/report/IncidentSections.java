package id.serambi.core.report;

import static id.serambi.core.jooq.public_.Tables.SECURITY_INCIDENT;
import static id.serambi.core.jooq.public_.Tables.TENANT;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;

import jakarta.inject.Singleton;

/** Content-safety incidents (V9) found in the period: when, on which site, what, at which stage, by whom. */
@Singleton
class IncidentSections implements ReportContributor {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH.mm");
    private final DSLContext db;
    private final ZoneId zone;

    IncidentSections(DSLContext db, ZoneId zone) {
        this.db = db;
        this.zone = zone;
    }

    @Override
    public int order() {
        return 500;
    }

    @Override
    public List<ReportSection> sections(ReportScope scope, ReportPeriod period) {
        Condition in = SECURITY_INCIDENT.FOUND_AT.ge(period.start(zone).toOffsetDateTime())
                .and(SECURITY_INCIDENT.FOUND_AT.lt(period.end(zone).toOffsetDateTime()));
        if (!scope.isDistrict()) {
            in = in.and(SECURITY_INCIDENT.TENANT_ID.eq(scope.tenant().value()));
        }
        List<List<String>> rows = db.select(SECURITY_INCIDENT.FOUND_AT, TENANT.NAME, SECURITY_INCIDENT.KIND,
                        SECURITY_INCIDENT.STAGE, SECURITY_INCIDENT.FOUND_BY_LABEL)
                .from(SECURITY_INCIDENT).join(TENANT).on(TENANT.ID.eq(SECURITY_INCIDENT.TENANT_ID))
                .where(in).orderBy(SECURITY_INCIDENT.FOUND_AT, SECURITY_INCIDENT.ID)
                .fetch(r -> List.of(WHEN.format(r.value1().atZoneSameInstant(zone)), r.value2(), kind(r.value3()),
                        "draft".equals(r.value4()) ? "Simpan draf" : "Terbit", r.value5()));
        return List.of(new ReportSection("security_incidents", "Insiden keamanan konten",
                List.of("Waktu", "Situs", "Jenis", "Tahap", "Akun"), rows,
                List.of("Jumlah insiden: " + rows.size() + ". Konten yang ditahan tidak terbit.")));
    }

    private static String kind(String kind) {
        return "gambling_spam".equals(kind) ? "Spam judi daring" : kind;
    }
}
