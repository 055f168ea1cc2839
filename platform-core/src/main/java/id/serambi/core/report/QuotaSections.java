package id.serambi.core.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import id.serambi.core.i18n.Messages;
import id.serambi.core.quota.QuotaOverview;
import id.serambi.core.quota.QuotaService;
import id.serambi.core.quota.QuotaWeek;
import id.serambi.core.quota.TenantQuota;
import id.serambi.core.quota.WeekCell;
import id.serambi.core.quota.WeekState;
import jakarta.inject.Singleton;

/**
 * The quota's part of a report: compliance per tenant, posts per week (per tenant; for the district, the sum
 * and how many tenants met), and the missed weeks. The weeks of a period are those whose Thursday lies in it.
 */
@Singleton
class QuotaSections implements ReportContributor {
    private final QuotaService quota;

    QuotaSections(QuotaService quota) {
        this.quota = quota;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public List<ReportSection> sections(ReportScope scope, ReportPeriod period) {
        Messages m = Messages.of(Messages.INDONESIAN);
        QuotaOverview overview = quota.between(scope.tenant(), period.firstMonday(), period.lastMonday());
        List<ReportSection> sections = new ArrayList<>();
        List<List<String>> summary = new ArrayList<>();
        for (TenantQuota t : overview.tenants()) {
            Map<WeekState, Integer> n = counts(t.weeks());
            int posts = t.weeks().stream().mapToInt(WeekCell::published).sum();
            int judged = n.get(WeekState.MET) + n.get(WeekState.PARTLY_MET) + n.get(WeekState.MISSED);
            summary.add(List.of(t.name(), String.valueOf(t.minimum()), String.valueOf(posts), String.valueOf(judged),
                    String.valueOf(n.get(WeekState.MET)), String.valueOf(n.get(WeekState.PARTLY_MET)),
                    String.valueOf(n.get(WeekState.MISSED)), String.valueOf(n.get(WeekState.EXEMPT)),
                    judged == 0 ? "—" : Math.round(100.0 * n.get(WeekState.MET) / judged) + "%"));
        }
        sections.add(new ReportSection("quota_summary", "Kepatuhan kuota terbit",
                List.of("Situs", "Minimum per minggu", "Berita terbit", "Minggu dinilai", "Terpenuhi", "Sebagian",
                        "Tidak terpenuhi", "Dikecualikan", "Kepatuhan"), summary,
                List.of("Minggu dinilai tidak termasuk minggu yang dikecualikan atau yang masih berjalan.",
                        "Dihitung: " + String.join(", ", quota.countedKinds().stream().map(k -> m.get("quota.kind." + k)).toList())
                                + " yang pertama kali terbit pada minggu itu, kecuali yang dihapus moderasi.")));

        List<List<String>> perWeek = new ArrayList<>();
        if (scope.isDistrict()) {
            for (int i = 0; i < overview.weeks().size(); i++) {
                QuotaWeek week = overview.weeks().get(i);
                int index = i;
                List<WeekCell> cells = overview.tenants().stream().map(t -> t.weeks().get(index)).toList();
                Map<WeekState, Integer> n = counts(cells);
                perWeek.add(List.of(week.label(), dates(week), String.valueOf(cells.stream().mapToInt(WeekCell::published).sum()),
                        String.valueOf(n.get(WeekState.MET)), String.valueOf(n.get(WeekState.PARTLY_MET)),
                        String.valueOf(n.get(WeekState.MISSED)), String.valueOf(n.get(WeekState.EXEMPT))));
            }
            sections.add(new ReportSection("posts_per_week", "Berita per minggu (kabupaten)",
                    List.of("Minggu", "Tanggal", "Berita terbit", "Situs terpenuhi", "Situs sebagian", "Situs tidak terpenuhi",
                            "Situs dikecualikan"), perWeek, List.of()));
        } else {
            for (TenantQuota t : overview.tenants()) {
                for (WeekCell c : t.weeks()) {
                    perWeek.add(List.of(c.week().label(), dates(c.week()), String.valueOf(c.published()),
                            String.valueOf(c.minimum()), m.get("quota.state." + c.state().code()),
                            c.exemptReason() == null ? "" : c.exemptReason()));
                }
            }
            sections.add(new ReportSection("posts_per_week", "Berita per minggu",
                    List.of("Minggu", "Tanggal", "Berita terbit", "Minimum", "Status kuota", "Keterangan"), perWeek, List.of()));
        }

        List<List<String>> missed = new ArrayList<>();
        for (TenantQuota t : overview.tenants()) {
            for (WeekCell c : t.weeks()) {
                if (c.state().notMet()) {
                    missed.add(List.of(t.name(), c.week().label(), dates(c.week()), String.valueOf(c.published()),
                            String.valueOf(c.minimum()), m.get("quota.state." + c.state().code())));
                }
            }
        }
        sections.add(new ReportSection("missed_weeks", "Minggu tidak memenuhi kuota",
                List.of("Situs", "Minggu", "Tanggal", "Berita terbit", "Minimum", "Status kuota"), missed,
                missed.isEmpty() ? List.of("Tidak ada minggu yang tidak memenuhi kuota pada periode ini.") : List.of()));
        return sections;
    }

    private static Map<WeekState, Integer> counts(List<WeekCell> cells) {
        Map<WeekState, Integer> n = new EnumMap<>(WeekState.class);
        for (WeekState s : WeekState.values()) {
            n.put(s, 0);
        }
        cells.forEach(c -> n.merge(c.state(), 1, Integer::sum));
        return n;
    }

    static String dates(QuotaWeek week) {
        return week.firstDay() + " s.d. " + week.lastDay();
    }
}
