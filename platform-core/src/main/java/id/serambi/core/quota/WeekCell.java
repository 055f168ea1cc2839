package id.serambi.core.quota;

/** One tenant in one week: what counted, the minimum then, and the verdict (with the exemption's reason). */
public record WeekCell(QuotaWeek week, int published, int minimum, WeekState state, String exemptReason) {
}
