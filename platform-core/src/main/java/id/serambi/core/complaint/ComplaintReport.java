package id.serambi.core.complaint;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One agency's complaints in one month, without personal data: how many came, by channel and category, and
 * per step of seed 004 how long it took (median, office minutes) and what share kept its time standard. Steps
 * still open and already overdue count as missed, so a backlog cannot hide behind a few quick answers.
 */
public record ComplaintReport(String tenantSlug, String tenantName, YearMonth month, long received,
                              Map<String, Long> byChannel, Map<String, Long> byCategory, List<StepFigure> steps) {

    /** {@code step} is the state the step starts from: received (verify), verified (answer), escalated, answered (deliver). */
    public record StepFigure(String step, long done, long medianOfficeMinutes, long doneInTime, long openOverdue) {
        public long counted() {
            return done + openOverdue;
        }

        /** Percentage within the standard, of the steps done plus those open and overdue; 100 when nothing counted. */
        public long sharePercentInTime() {
            return counted() == 0 ? 100 : Math.round(100.0 * doneInTime / counted());
        }
    }

    public static final List<String> HEADER = List.of("bulan", "perangkat_daerah", "jumlah_diterima", "langkah", "selesai",
            "median_menit_kerja", "tepat_waktu", "terbuka_terlambat", "persen_tepat_waktu");

    /** Rows for CSV and XLSX: one per step (the counts by channel and category follow as their own rows). */
    public List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (StepFigure s : steps) {
            rows.add(List.of(month.toString(), tenantSlug, String.valueOf(received), s.step(), String.valueOf(s.done()),
                    String.valueOf(s.medianOfficeMinutes()), String.valueOf(s.doneInTime()), String.valueOf(s.openOverdue()),
                    String.valueOf(s.sharePercentInTime())));
        }
        byChannel.forEach((channel, n) -> rows.add(List.of(month.toString(), tenantSlug, String.valueOf(received),
                "saluran:" + channel, String.valueOf(n), "", "", "", "")));
        byCategory.forEach((category, n) -> rows.add(List.of(month.toString(), tenantSlug, String.valueOf(received),
                "kategori:" + category, String.valueOf(n), "", "", "", "")));
        return rows;
    }
}
