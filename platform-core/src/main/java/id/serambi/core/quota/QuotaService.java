package id.serambi.core.quota;

import static id.serambi.core.jooq.public_.Tables.POST;
import static id.serambi.core.jooq.public_.Tables.TENANT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.DSLContext;

import id.serambi.core.access.Access;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.audit.AuditService;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.support.NotFoundException;
import id.serambi.core.support.Validator;
import id.serambi.core.tenant.TenantId;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * The twice-weekly publishing quota. A post counts in the week of its first publication (so back-dating its
 * display date moves nothing), whatever became of it later, unless moderation removed or deleted it. The
 * counted kinds are a setting ({@code serambi.quota.kinds}, default news and announcements).
 *
 * <p>A week is exempt for a tenant when an exemption overlaps it (district-wide or the tenant's own) or when the
 * tenant was not active for the whole week: created after the week began, or suspended, archived or still
 * being provisioned at any moment of it. Judging such a week would blame an agency for days it could not
 * publish.
 */
@Singleton
public class QuotaService {
    /** The last stretch of a week in which a tenant that has not yet reached its minimum is "due". */
    public static final Duration DUE_WITHIN = Duration.ofDays(2);
    /** How many finished weeks define a tenant's usual pace. */
    public static final int PACE_WEEKS = 8;
    public static final List<Integer> WEEK_SPANS = List.of(12, 26, 52);

    private final DSLContext db;
    private final QuotaRepository repository;
    private final Access access;
    private final AuditService audit;
    private final Clock clock;
    private final ZoneId zone;
    private final List<String> kinds;

    QuotaService(DSLContext db, QuotaRepository repository, Access access, AuditService audit, Clock clock, ZoneId zone,
                 @Value("${serambi.quota.kinds:news,announcement}") List<String> kinds) {
        this.db = db;
        this.repository = repository;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
        this.kinds = List.copyOf(kinds);
    }

    public QuotaWeek currentWeek() {
        return QuotaWeek.containing(clock.instant(), zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public List<String> countedKinds() {
        return kinds;
    }

    /** The tenant's progress in the current week. */
    @ReadOnly
    public WeekProgress thisWeek(TenantId tenant) {
        return progress(tenant, currentWeek());
    }

    /**
     * The condition on {@code post} rows that count toward the quota of {@code week}: the one definition,
     * also used by queries that count many tenants at once (the tenants list).
     */
    public Condition countsIn(QuotaWeek week) {
        return POST.KIND.in(kinds)
                .and(POST.FIRST_PUBLISHED_AT.ge(week.start().toOffsetDateTime()))
                .and(POST.FIRST_PUBLISHED_AT.lt(week.end().toOffsetDateTime()))
                .and(POST.PORTAL_STATE.ne("removed"))
                // Deleted by moderation: gone from every public page, so it no longer counts either.
                .and(POST.DELETED_AT.isNull());
    }

    @ReadOnly
    public WeekProgress progress(TenantId tenant, QuotaWeek week) {
        int published = db.fetchCount(POST, POST.TENANT_ID.eq(tenant.value()).and(countsIn(week)));
        int minimum = db.select(TENANT.QUOTA_MIN_PER_WEEK).from(TENANT).where(TENANT.ID.eq(tenant.value()))
                .fetchSingle(TENANT.QUOTA_MIN_PER_WEEK);
        return new WeekProgress(week, published, minimum);
    }

    /** The district heatmap: every tenant over the last {@code weeks} weeks (12, 26 or 52), current week last. */
    @ReadOnly
    public QuotaOverview overview(Actor actor, int weeks) {
        access.require(actor, Action.VIEW_QUOTA);
        return evaluate(null, span(weeks));
    }

    /** One tenant's record, for its own admins and for Kominfo's drill-down. */
    @ReadOnly
    public TenantQuota tenant(Actor actor, String slug, int weeks) {
        TenantId tenant = access.requireInTenant(actor, Action.VIEW_QUOTA, slug);
        return evaluate(tenant.value(), span(weeks)).tenants().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("tenant " + slug));
    }

    /** The posts of the counted kinds a tenant first published in the week "2026-W47" (removed ones marked). */
    @ReadOnly
    public List<PostInWeek> postsIn(Actor actor, String slug, String weekLabel) {
        TenantId tenant = access.requireInTenant(actor, Action.VIEW_QUOTA, slug);
        return repository.postsIn(tenant.value(), parseWeek(weekLabel), kinds);
    }

    /** The week "2026-W47" in the portal's zone; unknown text is a bad request, not a 500. */
    public QuotaWeek parseWeek(String label) {
        var m = label == null ? null : java.util.regex.Pattern.compile("(\\d{4})-W(\\d{2})").matcher(label.strip());
        if (m == null || !m.matches()) {
            throw new InvalidInputException(FieldError.of("week", "validation.quota.week"));
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        LocalDate thursday = LocalDate.of(year, 1, 4)
                .with(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR, Math.max(1, Math.min(week, 53)))
                .with(java.time.DayOfWeek.MONDAY);
        QuotaWeek parsed = QuotaWeek.startingOn(thursday, zone);
        if (parsed.week() != week || parsed.weekBasedYear() != year) {
            throw new InvalidInputException(FieldError.of("week", "validation.quota.week"));
        }
        return parsed;
    }

    /**
     * Every tenant's (or one tenant's) weeks from the week of {@code firstMonday} to the current week or the
     * week of {@code lastMonday}, whichever is earlier. For callers that have checked access themselves
     * (reports, the reminder job).
     */
    @ReadOnly
    public QuotaOverview between(TenantId onlyTenant, LocalDate firstMonday, LocalDate lastMonday) {
        QuotaWeek current = currentWeek();
        LocalDate last = lastMonday.isAfter(current.firstDay()) ? current.firstDay() : lastMonday;
        return build(onlyTenant == null ? null : onlyTenant.value(), firstMonday, last, 0);
    }

    QuotaOverview evaluate(Long onlyTenant, int weeks) {
        QuotaWeek current = currentWeek();
        // At least PACE_WEEKS finished weeks are read so the current week's pace is known; only `weeks` are shown.
        int read = Math.max(weeks, PACE_WEEKS + 1);
        return build(onlyTenant, current.firstDay().minusWeeks(read - 1L), current.firstDay(), read - weeks);
    }

    private QuotaOverview build(Long onlyTenant, LocalDate firstMonday, LocalDate lastMonday, int hiddenWeeks) {
        QuotaWeek current = currentWeek();
        Instant now = clock.instant();
        List<QuotaRepository.Cell> cells = repository.heatmap(firstMonday, lastMonday, zone, kinds, onlyTenant);
        Map<Long, List<QuotaRepository.Cell>> byTenant = new LinkedHashMap<>();
        cells.forEach(c -> byTenant.computeIfAbsent(c.tenantId(), k -> new ArrayList<>()).add(c));
        List<TenantQuota> tenants = new ArrayList<>();
        Map<LocalDate, QuotaWeek> weekOf = new java.util.HashMap<>();
        for (var row : byTenant.values()) {
            List<WeekCell> judged = row.stream()
                    .map(c -> judge(c, weekOf.computeIfAbsent(c.weekStart(), d -> QuotaWeek.startingOn(d, zone)), current))
                    .toList();
            QuotaRepository.Cell first = row.get(0);
            double pace = pace(judged);
            WeekCell last = judged.get(judged.size() - 1);
            CurrentState state = last.week().equals(current) ? currentState(last, pace, now) : null;
            tenants.add(new TenantQuota(new TenantId(first.tenantId()), first.slug(), first.name(), first.status(),
                    first.minimum(), judged.subList(hiddenWeeks, judged.size()), state, pace, first.lastPost()));
        }
        List<QuotaWeek> weeks = new ArrayList<>();
        for (LocalDate d = firstMonday.plusWeeks(hiddenWeeks); !d.isAfter(lastMonday); d = d.plusWeeks(1)) {
            weeks.add(QuotaWeek.startingOn(d, zone));
        }
        return new QuotaOverview(weeks, tenants);
    }

    static WeekCell judge(QuotaRepository.Cell c, QuotaWeek week, QuotaWeek current) {
        WeekState state;
        if (c.exemptReason() != null || c.inactive()) {
            state = WeekState.EXEMPT;
        } else if (c.published() >= c.minimum()) {
            state = WeekState.MET;
        } else if (week.equals(current)) {
            state = WeekState.IN_PROGRESS;
        } else {
            state = c.published() > 0 ? WeekState.PARTLY_MET : WeekState.MISSED;
        }
        return new WeekCell(week, c.published(), c.minimum(), state, c.exemptReason());
    }

    /** Posts per day over the (up to) {@link #PACE_WEEKS} finished, judged weeks before the last one. */
    static double pace(List<WeekCell> weeks) {
        int posts = 0;
        int judged = 0;
        for (int i = weeks.size() - 2; i >= 0 && judged < PACE_WEEKS; i--) {
            if (weeks.get(i).state() != WeekState.EXEMPT) {
                posts += weeks.get(i).published();
                judged++;
            }
        }
        return judged == 0 ? 0 : posts / (7.0 * judged);
    }

    /**
     * Met; exempt; due when less than {@link #DUE_WITHIN} is left; at risk when the days left at the usual pace
     * would bring fewer posts than still needed; else on track.
     */
    static CurrentState currentState(WeekCell week, double pacePerDay, Instant now) {
        if (week.state() == WeekState.EXEMPT) {
            return CurrentState.EXEMPT;
        }
        if (week.state() == WeekState.MET) {
            return CurrentState.MET;
        }
        Duration left = Duration.between(now, week.week().end().toInstant());
        if (left.compareTo(DUE_WITHIN) <= 0) {
            return CurrentState.DUE;
        }
        double daysLeft = left.toSeconds() / 86_400.0;
        int needed = week.minimum() - week.published();
        return pacePerDay * daysLeft < needed ? CurrentState.AT_RISK : CurrentState.ON_TRACK;
    }

    private static int span(int weeks) {
        return WEEK_SPANS.contains(weeks) ? weeks : WEEK_SPANS.get(0);
    }

    // --- exemptions, managed by Kominfo's admins ---

    @ReadOnly
    public List<QuotaExemption> exemptions(Actor actor) {
        access.require(actor, Action.VIEW_QUOTA);
        return repository.exemptions(currentWeek().firstDay().minusWeeks(52));
    }

    /** Grants an exemption: district-wide when {@code tenantSlug} is blank. Dates are yyyy-mm-dd, inclusive. */
    @Transactional
    public long addExemption(Actor actor, String tenantSlug, String firstDay, String lastDay, String reason) {
        access.require(actor, Action.MANAGE_QUOTA_EXEMPTIONS);
        Validator v = new Validator();
        Long tenantId = null;
        if (tenantSlug != null && !tenantSlug.isBlank()) {
            tenantId = repository.tenantIdOf(tenantSlug.strip()).orElse(null);
            if (tenantId == null) {
                v.add(FieldError.of("tenant", "validation.quota.tenant_unknown"));
            }
        }
        LocalDate first = date(v, "firstDay", firstDay);
        LocalDate last = lastDay == null || lastDay.isBlank() ? first : date(v, "lastDay", lastDay);
        if (first != null && last != null && (last.isBefore(first) || last.isAfter(first.plusDays(366)))) {
            v.add(FieldError.of("lastDay", "validation.quota.range_order"));
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 3 || why.length() > 500) {
            v.add(FieldError.of("reason", "validation.quota.reason", 3, 500));
        }
        v.check();
        long id = repository.addExemption(tenantId, first, last, why, actor.userId(), OffsetDateTime.now(clock));
        audit.record(actor, tenantId == null ? null : new TenantId(tenantId), "quota.exemption.add", "quota_exemption",
                String.valueOf(id), Map.of("from", first.toString(), "to", last.toString(), "reason", why,
                        "scope", tenantId == null ? "district" : tenantSlug.strip()));
        return id;
    }

    @Transactional
    public void withdrawExemption(Actor actor, long id) {
        access.require(actor, Action.MANAGE_QUOTA_EXEMPTIONS);
        long tenant = repository.withdrawExemption(id, actor.userId(), OffsetDateTime.now(clock))
                .orElseThrow(() -> new NotFoundException("exemption " + id));
        audit.record(actor, tenant == 0 ? null : new TenantId(tenant), "quota.exemption.withdraw", "quota_exemption",
                String.valueOf(id), Map.of());
    }

    private static LocalDate date(Validator v, String field, String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            v.add(FieldError.of(field, "validation.quota.date"));
            return null;
        }
    }
}
