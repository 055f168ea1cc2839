package id.serambi.core.quota;

import java.time.OffsetDateTime;
import java.util.List;

import id.serambi.core.tenant.TenantId;

/**
 * One tenant's quota record over a run of weeks (oldest first; the last is the current week) with the figures
 * the dashboard sorts by. {@code streak} is signed: +3 means the last three judged weeks were met, -2 that the
 * last two were not met; exempt weeks neither break nor extend a streak.
 */
public record TenantQuota(TenantId id, String slug, String name, String status, int minimum, List<WeekCell> weeks,
                          CurrentState current, double pacePerDay, OffsetDateTime lastPost) {
    public TenantQuota {
        weeks = List.copyOf(weeks);
    }

    public WeekCell thisWeek() {
        return weeks.get(weeks.size() - 1);
    }

    /** The finished weeks, oldest first. */
    public List<WeekCell> finished() {
        return weeks.subList(0, weeks.size() - 1);
    }

    /** Share of judged (not exempt) finished weeks that were met, 0..1; -1 when no week was judged. */
    public double compliance() {
        long judged = finished().stream().filter(c -> c.state() != WeekState.EXEMPT).count();
        long met = finished().stream().filter(c -> c.state() == WeekState.MET).count();
        return judged == 0 ? -1 : (double) met / judged;
    }

    /** Whole percent, or -1. */
    public int compliancePercent() {
        double c = compliance();
        return c < 0 ? -1 : (int) Math.round(c * 100);
    }

    public int streak() {
        int streak = 0;
        Boolean met = null;
        List<WeekCell> done = finished();
        for (int i = done.size() - 1; i >= 0; i--) {
            WeekState s = done.get(i).state();
            if (s == WeekState.EXEMPT) {
                continue;
            }
            boolean thisMet = s == WeekState.MET;
            if (met == null) {
                met = thisMet;
            } else if (met != thisMet) {
                break;
            }
            streak++;
        }
        return met == null ? 0 : met ? streak : -streak;
    }

    /** The week the current run of not-met weeks began, or null when the last judged week was met. */
    public QuotaWeek missedStreakStart() {
        int streak = streak();
        if (streak >= 0) {
            return null;
        }
        int seen = 0;
        List<WeekCell> done = finished();
        for (int i = done.size() - 1; i >= 0; i--) {
            if (done.get(i).state() != WeekState.EXEMPT && ++seen == -streak) {
                return done.get(i).week();
            }
        }
        return null;
    }

    /** The week before the current one, or null when only the current week was asked for. */
    public WeekCell lastWeek() {
        return weeks.size() < 2 ? null : weeks.get(weeks.size() - 2);
    }
}
