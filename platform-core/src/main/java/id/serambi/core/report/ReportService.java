package id.serambi.core.report;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jooq.DSLContext;

import id.serambi.core.access.Access;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.i18n.Messages;
import id.serambi.core.tenant.TenantId;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

/**
 * Weekly, monthly and six-monthly reports (issue 5), per tenant and for the district, in Indonesian: the model
 * is made once from every {@link ReportContributor} and then rendered as CSV ({@link ReportCsv}), XLSX
 * ({@link ReportXlsx}) or PDF ({@link ReportPdf}). The district's name is the portal's ({@code serambi.portal.name}).
 */
@Singleton
public class ReportService {
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("d MMMM yyyy HH.mm", Messages.INDONESIAN);

    private final List<ReportContributor> contributors;
    private final Access access;
    private final DSLContext db;
    private final Clock clock;
    private final ZoneId zone;
    private final String district;

    ReportService(List<ReportContributor> contributors, Access access, DSLContext db, Clock clock, ZoneId zone,
                  @Value("${serambi.portal.name:Kabupaten Contoh}") String district) {
        this.contributors = contributors.stream().sorted(Comparator.comparingInt(ReportContributor::order)).toList();
        this.access = access;
        this.db = db;
        this.clock = clock;
        this.zone = zone;
        this.district = district;
    }

    /** Refuses (403) whoever may not see the district's reports: for the page that offers them. */
    public void requireDistrict(Actor actor) {
        access.require(actor, Action.VIEW_REPORTS);
    }

    /** Refuses (404/403) whoever may not see the tenant's reports. */
    public void requireTenant(Actor actor, String slug) {
        access.requireInTenant(actor, Action.VIEW_REPORTS, slug);
    }

    /** The district's report (Kominfo and coordinators). */
    @ReadOnly
    public Report district(Actor actor, String period) {
        access.require(actor, Action.VIEW_REPORTS);
        return build(ReportScope.district(), ReportPeriod.parse(period));
    }

    /** One tenant's report (its admins, Kominfo and coordinators). */
    @ReadOnly
    public Report tenant(Actor actor, String slug, String period) {
        TenantId tenant = access.requireInTenant(actor, Action.VIEW_REPORTS, slug);
        String name = db.resultQuery("select name from tenant where id = ?", tenant.value()).fetchSingle().get(0, String.class);
        return build(new ReportScope(tenant, slug, name), ReportPeriod.parse(period));
    }

    /** The current period of each kind and the ones before, newest first, for the pickers. */
    public List<ReportPeriod> recentPeriods(ReportPeriod.Kind kind, int count) {
        List<ReportPeriod> periods = new ArrayList<>();
        ReportPeriod p = ReportPeriod.containing(kind, clock.instant().atZone(zone).toLocalDate());
        for (int i = 0; i < count; i++) {
            periods.add(p);
            p = p.previous();
        }
        return periods;
    }

    private Report build(ReportScope scope, ReportPeriod period) {
        List<ReportSection> sections = new ArrayList<>();
        contributors.forEach(c -> sections.addAll(c.sections(scope, period)));
        String kind = switch (period.kind()) {
            case WEEK -> "Laporan Mingguan";
            case MONTH -> "Laporan Bulanan";
            case HALF_YEAR -> "Laporan Semesteran";
        };
        OffsetDateTime now = OffsetDateTime.now(clock);
        return new Report(kind + " Portal Pemerintah " + district, district,
                scope.isDistrict() ? "Seluruh perangkat daerah " + district : scope.tenantName(), scope, period,
                period.label(Messages.INDONESIAN), now, GENERATED.format(now.atZoneSameInstant(zone)) + " " + zoneName(),
                sections);
    }

    private String zoneName() {
        return switch (zone.getId()) {
            case "Asia/Jakarta", "Asia/Pontianak" -> "WIB";
            case "Asia/Makassar" -> "WITA";
            case "Asia/Jayapura" -> "WIT";
            default -> zone.getId();
        };
    }
}
