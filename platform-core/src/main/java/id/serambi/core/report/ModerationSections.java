package id.serambi.core.report;

import static id.serambi.core.jooq.public_.Tables.MODERATION_ACTION;
import static id.serambi.core.jooq.public_.Tables.POST;
import static id.serambi.core.jooq.public_.Tables.TENANT;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import id.serambi.core.i18n.Messages;
import id.serambi.core.moderation.ModerationAction;
import id.serambi.core.moderation.ModerationRules;
import jakarta.inject.Singleton;

/**
 * Kominfo's moderation actions in the period (V18's moderation history): how many of each kind per site, and
 * each action with its reason. The district's report lists every site, those without any action too.
 */
@Singleton
class ModerationSections implements ReportContributor {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH.mm");
    private final DSLContext db;
    private final ZoneId zone;

    ModerationSections(DSLContext db, ZoneId zone) {
        this.db = db;
        this.zone = zone;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public List<ReportSection> sections(ReportScope scope, ReportPeriod period) {
        Messages m = Messages.of(Messages.INDONESIAN);
        Condition in = MODERATION_ACTION.CREATED_AT.ge(period.start(zone).toOffsetDateTime())
                .and(MODERATION_ACTION.CREATED_AT.lt(period.end(zone).toOffsetDateTime()));
        Condition sites = TENANT.STATUS.ne("provisioning");
        if (!scope.isDistrict()) {
            in = in.and(MODERATION_ACTION.TENANT_ID.eq(scope.tenant().value()));
            sites = TENANT.ID.eq(scope.tenant().value());
        }

        Map<Long, Map<String, Integer>> counts = new HashMap<>();
        db.select(MODERATION_ACTION.TENANT_ID, MODERATION_ACTION.ACTION, DSL.count())
                .from(MODERATION_ACTION).where(in)
                .groupBy(MODERATION_ACTION.TENANT_ID, MODERATION_ACTION.ACTION)
                .forEach(r -> counts.computeIfAbsent(r.value1(), k -> new HashMap<>()).put(r.value2(), r.value3()));

        List<String> header = new ArrayList<>(List.of("Situs"));
        for (ModerationAction a : ModerationAction.values()) {
            header.add(m.get(a.messageKey()));
        }
        header.add("Jumlah");
        Map<String, Integer> totals = new LinkedHashMap<>();
        List<List<String>> summary = new ArrayList<>();
        for (var site : db.select(TENANT.ID, TENANT.NAME).from(TENANT).where(sites).orderBy(TENANT.NAME, TENANT.ID).fetch()) {
            Map<String, Integer> n = counts.getOrDefault(site.value1(), Map.of());
            List<String> row = new ArrayList<>(List.of(site.value2()));
            int sum = 0;
            for (ModerationAction a : ModerationAction.values()) {
                int count = n.getOrDefault(a.dbValue(), 0);
                row.add(String.valueOf(count));
                totals.merge(a.dbValue(), count, Integer::sum);
                sum += count;
            }
            row.add(String.valueOf(sum));
            summary.add(row);
        }
        int all = totals.values().stream().mapToInt(Integer::intValue).sum();
        if (scope.isDistrict()) {
            List<String> row = new ArrayList<>(List.of("Jumlah"));
            for (ModerationAction a : ModerationAction.values()) {
                row.add(String.valueOf(totals.getOrDefault(a.dbValue(), 0)));
            }
            row.add(String.valueOf(all));
            summary.add(row);
        }

        List<List<String>> detail = db.select(MODERATION_ACTION.CREATED_AT, TENANT.NAME, POST.TITLE, MODERATION_ACTION.ACTION,
                        MODERATION_ACTION.REASON, MODERATION_ACTION.ACTOR_LABEL)
                .from(MODERATION_ACTION)
                .join(TENANT).on(TENANT.ID.eq(MODERATION_ACTION.TENANT_ID))
                .join(POST).on(POST.TENANT_ID.eq(MODERATION_ACTION.TENANT_ID).and(POST.ID.eq(MODERATION_ACTION.POST_ID)))
                .where(in).orderBy(MODERATION_ACTION.CREATED_AT, MODERATION_ACTION.ID)
                .fetch(r -> List.of(WHEN.format(r.value1().atZoneSameInstant(zone)), r.value2(), r.value3(),
                        ModerationAction.parse(r.value4()).map(a -> m.get(a.messageKey())).orElse(r.value4()),
                        r.value5(), r.value6()));

        return List.of(
                new ReportSection("moderation_summary", "Tindakan moderasi", header, summary,
                        List.of("Jumlah tindakan moderasi: " + all + ".",
                                "Tulisan yang dihapus moderasi dapat dipulihkan dalam " + ModerationRules.RESTORE_DAYS + " hari.")),
                new ReportSection("moderation_actions", "Rincian tindakan moderasi",
                        List.of("Waktu", "Situs", "Tulisan", "Tindakan", "Alasan", "Oleh"), detail,
                        detail.isEmpty() ? List.of("Tidak ada tindakan moderasi pada periode ini.") : List.of()));
    }
}
