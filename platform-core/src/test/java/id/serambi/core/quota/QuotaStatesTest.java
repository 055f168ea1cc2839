package id.serambi.core.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.Role;
import id.serambi.core.account.SessionService;
import id.serambi.core.support.AccessDeniedException;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.testing.DirectSql;
import id.serambi.core.testing.Fixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** Week states, exemptions, tenants that were not active all week, pace and at-risk, in a Jakarta portal. */
@MicronautTest(transactional = false)
class QuotaStatesTest extends QuotaScenario {
    @Inject QuotaService quota;
    @Inject AccountService accounts;
    @Inject SessionService sessions;

    @Override
    protected String zone() {
        return "Asia/Jakarta";
    }

    // 2026-11-02 (W45), 11-09 (W46), 11-16 (W47), 11-23 (W48) are Mondays.
    private List<WeekCell> weeks(Tenant tenant) {
        return quota.between(tenant.id(), LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 23)).tenants().get(0).weeks();
    }

    @Test
    void met_partly_met_and_missed_and_removed_or_deleted_posts_do_not_count() {
        Tenant t = tenant("states", "2026-01-05T08:00");
        post(t, "news", "2026-11-03T09:00");
        post(t, "announcement", "2026-11-05T09:00");            // W45: 2 of 2, met
        post(t, "news", "2026-11-10T09:00");
        post(t, "news", "2026-11-11T09:00", "removed");         // moderation removed it: W46 1 of 2, partly met
        long deleted = post(t, "news", "2026-11-17T09:00");
        sql("update post set deleted_at = now() where id = ?", deleted); // W47: 0, missed
        now("2026-11-24T10:00");
        assertThat(weeks(t)).extracting(WeekCell::state).containsExactly(WeekState.MET, WeekState.PARTLY_MET,
                WeekState.MISSED, WeekState.IN_PROGRESS);
        assertThat(weeks(t)).extracting(WeekCell::published).containsExactly(2, 1, 0, 0);
    }

    @Test
    void back_dating_a_post_does_not_move_it_into_an_earlier_week() {
        Tenant t = tenant("backdate", "2026-01-05T08:00");
        long p = post(t, "news", "2026-11-17T09:00");
        post(t, "news", "2026-11-18T09:00");
        // The display date says last week; the first publication stays in W47.
        sql("update post set display_date = ?::timestamptz where id = ?", "2026-11-10T09:00+07", p);
        now("2026-11-24T10:00");
        assertThat(weeks(t)).extracting(WeekCell::published).containsExactly(0, 0, 2, 0);
    }

    @Test
    void district_wide_and_per_tenant_exemptions_exempt_the_weeks_they_overlap_and_are_audited() {
        Tenant a = tenant("exa", "2026-01-05T08:00");
        Tenant b = tenant("exb", "2026-01-05T08:00");
        now("2026-11-24T10:00");
        quota.addExemption(Fixtures.SYSTEM, "", "2026-11-12", "2026-11-13", "Cuti bersama");
        quota.addExemption(Fixtures.SYSTEM, "exb", "2026-11-17", "2026-11-17", "Server dinas rusak");
        assertThat(weeks(a)).extracting(WeekCell::state).containsExactly(WeekState.MISSED, WeekState.EXEMPT,
                WeekState.MISSED, WeekState.IN_PROGRESS);
        assertThat(weeks(a).get(1).exemptReason()).isEqualTo("Cuti bersama");
        assertThat(weeks(b)).extracting(WeekCell::state).containsExactly(WeekState.MISSED, WeekState.EXEMPT,
                WeekState.EXEMPT, WeekState.IN_PROGRESS);
        assertThat(weeks(b).get(2).exemptReason()).isEqualTo("Server dinas rusak");
        assertThat(DirectSql.<Integer>query(database, db -> db.fetchCount(db.selectFrom("audit_log")
                .where("action = 'quota.exemption.add'")))).isEqualTo(2);

        long id = quota.exemptions(Fixtures.SYSTEM).stream().filter(e -> "exb".equals(e.tenantSlug())).findFirst()
                .orElseThrow().id();
        quota.withdrawExemption(Fixtures.SYSTEM, id);
        assertThat(weeks(b).get(2).state()).isEqualTo(WeekState.MISSED);
    }

    @Test
    void exemptions_are_for_kominfo_admins_only_and_bad_input_is_named() {
        tenant("guard", "2026-01-05T08:00");
        Fixtures.platformUser(accounts, "staf-kuota", Role.PLATFORM_STAFF);
        Actor staff = Fixtures.signIn(accounts, sessions, "staf-kuota");
        assertThatThrownBy(() -> quota.addExemption(staff, "", "2026-11-12", "2026-11-13", "Cuti bersama"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> quota.addExemption(Fixtures.SYSTEM, "tidak-ada", "2026-13-01", "2026-11-01", "x"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).contains("tenant", "firstDay", "reason"));
        assertThatThrownBy(() -> quota.addExemption(Fixtures.SYSTEM, "", "2026-11-13", "2026-11-12", "Terbalik"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactly("lastDay"));
    }

    @Test
    void a_tenant_created_mid_week_is_exempt_that_week_and_judged_from_the_next() {
        Tenant t = tenant("baru", "2026-11-12T10:00");           // Thursday of W46
        post(t, "news", "2026-11-13T09:00");
        now("2026-11-24T10:00");
        List<WeekCell> weeks = weeks(t);
        assertThat(weeks).extracting(WeekCell::state).containsExactly(WeekState.EXEMPT, WeekState.EXEMPT,
                WeekState.MISSED, WeekState.IN_PROGRESS);
        assertThat(weeks.get(1).published()).as("still shown").isEqualTo(1);
    }

    @Test
    void weeks_a_tenant_was_suspended_or_archived_in_are_exempt() {
        Tenant t = tenant("jeda", "2026-01-05T08:00");
        statusChange(t, "suspended", "2026-11-11T15:00");        // Wednesday of W46
        statusChange(t, "active", "2026-11-19T08:00");           // Thursday of W47: not active all of W47 either
        Tenant gone = tenant("diarsipkan", "2026-01-05T08:00");
        statusChange(gone, "archived", "2026-11-06T12:00");
        now("2026-11-24T10:00");
        assertThat(weeks(t)).extracting(WeekCell::state).containsExactly(WeekState.MISSED, WeekState.EXEMPT,
                WeekState.EXEMPT, WeekState.IN_PROGRESS);
        assertThat(weeks(gone)).extracting(WeekCell::state).containsExactly(WeekState.EXEMPT, WeekState.EXEMPT,
                WeekState.EXEMPT, WeekState.EXEMPT);
    }

    @Test
    void the_current_week_is_on_track_at_risk_due_or_met_by_the_usual_pace() {
        // "rajin" posted 4 a week for the last 8 weeks (4/7 a day); "jarang" 1 a week (1/7 a day).
        Tenant busy = tenant("rajin", "2026-01-05T08:00");
        Tenant slow = tenant("jarang", "2026-01-05T08:00");
        LocalDate monday = LocalDate.of(2026, 9, 28);
        for (int w = 0; w < 8; w++) {
            String day = monday.plusWeeks(w).plusDays(1).toString();
            post(busy, "news", day + "T09:00");
            post(busy, "news", day + "T10:00");
            post(busy, "news", day + "T11:00");
            post(busy, "announcement", day + "T12:00");
            post(slow, "news", day + "T09:00");
        }
        now("2026-11-25T10:00");   // Wednesday of W48: 4.58 days left
        var overview = quota.overview(Fixtures.SYSTEM, 12);
        TenantQuota b = overview.tenants().stream().filter(x -> x.slug().equals("rajin")).findFirst().orElseThrow();
        TenantQuota s = overview.tenants().stream().filter(x -> x.slug().equals("jarang")).findFirst().orElseThrow();
        assertThat(b.pacePerDay()).isCloseTo(4 / 7.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(b.current()).isEqualTo(CurrentState.ON_TRACK);      // 4/7 × 4.58 ≈ 2.6 ≥ 2 still needed
        assertThat(s.current()).isEqualTo(CurrentState.AT_RISK);       // 1/7 × 4.58 ≈ 0.65 < 2
        assertThat(b.compliancePercent()).isEqualTo(73);               // 8 met of 11 finished weeks
        assertThat(b.streak()).isEqualTo(8);
        assertThat(s.streak()).isEqualTo(-11);                          // 3 missed, then 8 partly met
        assertThat(overview.weeks()).hasSize(12);

        post(slow, "news", "2026-11-25T09:00");
        post(slow, "news", "2026-11-25T09:30");
        assertThat(quota.tenant(Fixtures.SYSTEM, "jarang", 12).current()).isEqualTo(CurrentState.MET);

        now("2026-11-28T12:00");   // Saturday noon: less than two days left
        assertThat(quota.tenant(Fixtures.SYSTEM, "rajin", 12).current()).isEqualTo(CurrentState.DUE);
    }
}
