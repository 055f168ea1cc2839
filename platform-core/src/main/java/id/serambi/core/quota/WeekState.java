package id.serambi.core.quota;

/** How a tenant did in one quota week. */
public enum WeekState {
    /** At least the minimum published. */
    MET("met", "✓"),
    /** Something published, but less than the minimum. */
    PARTLY_MET("partly", "½"),
    /** Nothing published. */
    MISSED("missed", "✗"),
    /** The quota did not apply: an exemption, or the tenant was not active for the whole week. */
    EXEMPT("exempt", "–"),
    /** The current week, minimum not yet reached. */
    IN_PROGRESS("in_progress", "…");

    private final String code;
    private final String symbol;

    WeekState(String code, String symbol) {
        this.code = code;
        this.symbol = symbol;
    }

    /** Stable lower-case name for CSS classes, message keys ("quota.state.<code>") and exports. */
    public String code() {
        return code;
    }

    /** A text symbol shown with the colour, so the state is readable without seeing colour. */
    public String symbol() {
        return symbol;
    }

    /** A finished week whose minimum was not reached (missed or partly met): what escalation counts. */
    public boolean notMet() {
        return this == MISSED || this == PARTLY_MET;
    }
}
