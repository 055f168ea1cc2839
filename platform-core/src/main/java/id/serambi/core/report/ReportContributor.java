package id.serambi.core.report;

import java.util.List;

/**
 * A feature's part of the weekly, monthly and six-monthly reports. Each contributor is a bean; the report
 * service collects all of them, in {@link #order()}. The quota (posts per week, quota states, missed weeks)
 * and security incidents contribute here; moderation actions and dispositions add their own contributor
 * (e.g. order 300 and 400) without touching the report service or its renderers.
 *
 * <p>The caller has checked that the reader may see the scope; a contributor only reads.
 */
public interface ReportContributor {
    List<ReportSection> sections(ReportScope scope, ReportPeriod period);

    /** Position in the report: quota 100, incidents 500; others choose a number in between. */
    default int order() {
        return 1000;
    }
}
