package id.serambi.core.quota;

/** How far a tenant is with its quota in one week: e.g. "1 of 2 this week". */
public record WeekProgress(QuotaWeek week, int published, int minimum) {
    public boolean met() {
        return published >= minimum;
    }

    public int stillNeeded() {
        return Math.max(0, minimum - published);
    }
}
