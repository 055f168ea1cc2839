package id.serambi.core.quota;

/** Where a tenant stands in the current week. */
public enum CurrentState {
    /** The minimum is reached. */
    MET("met"),
    /** Not yet, but at the tenant's usual pace the remaining days are enough. */
    ON_TRACK("on_track"),
    /** Not yet, and at the tenant's usual pace the remaining days are not enough. */
    AT_RISK("at_risk"),
    /** Not yet, and the week ends within {@link QuotaService#DUE_WITHIN}. */
    DUE("due"),
    /** The quota does not apply this week. */
    EXEMPT("exempt");

    private final String code;

    CurrentState(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
