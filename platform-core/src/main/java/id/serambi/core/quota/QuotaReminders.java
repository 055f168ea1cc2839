package id.serambi.core.quota;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.serambi.core.account.UserId;
import id.serambi.core.i18n.Messages;
import id.serambi.core.mail.MailService;
import id.serambi.core.mail.MailSettings;
import id.serambi.core.notify.NotificationService;
import id.serambi.core.tenant.TenantId;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * The quota's reminders, run often by a job on every console node but acting once: a mid-week reminder to the
 * admins of tenants at risk (from {@code serambi.quota.reminder-day}, default Wednesday, at
 * {@code serambi.quota.reminder-time}, default 09:00 portal time, until the end of the next day); on Monday
 * (from the same time until the end of Tuesday) each tenant's admins get last week's result, Kominfo's staff
 * the district summary, and Kominfo's staff and the coordinators an escalation for each tenant that has not met
 * its minimum {@code serambi.quota.escalate-after} (default 2) judged weeks in a row.
 *
 * <p>Each message has a dedupe key per person and week (e.g. {@code quota.reminder:42:2026-W47}); mail goes
 * only to the people newly notified, in the same transaction, and an advisory lock makes concurrent runs on two
 * nodes take turns. So a second node, a restart or a rerun never sends anything twice.
 */
@Singleton
public class QuotaReminders {
    private static final Logger LOG = LoggerFactory.getLogger(QuotaReminders.class);
    private static final List<String> ADMINS = List.of("tenant_admin");
    private static final List<String> KOMINFO = List.of("platform_admin", "platform_staff");
    private static final List<String> KOMINFO_AND_COORDINATORS = List.of("platform_admin", "platform_staff", "coordinator");

    /** What one run sent: notifications newly created per purpose. */
    public record Outcome(int reminders, int summaries, int districtSummaries, int escalations) {
    }

    private final QuotaService quota;
    private final QuotaRepository repository;
    private final NotificationService notifications;
    private final MailService mail;
    private final MailSettings mailSettings;
    private final Clock clock;
    private final ZoneId zone;
    private final int escalateAfter;
    private final DayOfWeek reminderDay;
    private final LocalTime reminderTime;

    QuotaReminders(QuotaService quota, QuotaRepository repository, NotificationService notifications, MailService mail,
                   MailSettings mailSettings, Clock clock, ZoneId zone,
                   @Value("${serambi.quota.escalate-after:2}") int escalateAfter,
                   @Value("${serambi.quota.reminder-day:WEDNESDAY}") String reminderDay,
                   @Value("${serambi.quota.reminder-time:09.00}") String reminderTime) {
        this.quota = quota;
        this.repository = repository;
        this.notifications = notifications;
        this.mail = mail;
        this.mailSettings = mailSettings;
        this.clock = clock;
        this.zone = zone;
        this.escalateAfter = Math.max(1, escalateAfter);
        this.reminderDay = DayOfWeek.valueOf(reminderDay.strip().toUpperCase(java.util.Locale.ROOT));
        // "09:00" or "09.00" (a colon cannot be a placeholder default).
        this.reminderTime = LocalTime.parse(reminderTime.strip().replace('.', ':'));
    }

    @Transactional
    public Outcome run() {
        repository.lockReminders();
        ZonedDateTime now = clock.instant().atZone(zone);
        int reminders = 0;
        int summaries = 0;
        int district = 0;
        int escalations = 0;
        QuotaOverview overview = null;
        if (within(now, reminderDay)) {
            overview = quota.evaluate(null, 12);
            reminders = remindAtRisk(overview);
        }
        if (within(now, DayOfWeek.MONDAY)) {
            overview = overview == null ? quota.evaluate(null, 12) : overview;
            summaries = summaries(overview);
            district = districtSummary(overview);
            escalations = escalations(overview);
        }
        Outcome outcome = new Outcome(reminders, summaries, district, escalations);
        if (reminders + summaries + district + escalations > 0) {
            LOG.info("quota messages sent: {}", outcome);
        }
        return outcome;
    }

    /** From {@code day} at the reminder time until the end of the next day: a node down for a morning catches up. */
    private boolean within(ZonedDateTime now, DayOfWeek day) {
        DayOfWeek today = now.getDayOfWeek();
        return today == day && !now.toLocalTime().isBefore(reminderTime) || today == day.plus(1);
    }

    private int remindAtRisk(QuotaOverview overview) {
        int sent = 0;
        for (TenantQuota t : overview.tenants()) {
            if (t.current() != CurrentState.AT_RISK && t.current() != CurrentState.DUE) {
                continue;
            }
            WeekCell week = t.thisWeek();
            String link = "/admin/t/" + t.slug() + "/kuota";
            sent += tell(t.id(), repository.people(t.id().value(), ADMINS), "quota.reminder", "notify.quota.reminder",
                    List.of(t.name(), str(week.published()), str(week.minimum()), str(week.minimum() - week.published())),
                    link, "quota.reminder:" + t.id().value() + ":" + week.week().label(), "quota_reminder");
        }
        return sent;
    }

    private int summaries(QuotaOverview overview) {
        int sent = 0;
        for (TenantQuota t : overview.tenants()) {
            WeekCell last = t.lastWeek();
            if (last == null) {
                continue;
            }
            String state = Messages.of(Messages.INDONESIAN).get("quota.state." + last.state().code());
            sent += tell(t.id(), repository.people(t.id().value(), ADMINS), "quota.summary",
                    "notify.quota.summary." + last.state().code(),
                    List.of(t.name(), last.week().label(), str(last.published()), str(last.minimum()), state),
                    "/admin/t/" + t.slug() + "/kuota", "quota.summary:" + t.id().value() + ":" + last.week().label(),
                    "quota_summary");
        }
        return sent;
    }

    private int districtSummary(QuotaOverview overview) {
        if (overview.weeks().size() < 2) {
            return 0;
        }
        QuotaWeek lastWeek = overview.weeks().get(overview.weeks().size() - 2);
        Map<WeekState, Long> counts = new java.util.EnumMap<>(WeekState.class);
        overview.tenants().stream().map(TenantQuota::lastWeek).filter(java.util.Objects::nonNull)
                .forEach(c -> counts.merge(c.state(), 1L, Long::sum));
        return tell(null, repository.people(null, KOMINFO), "quota.district_summary", "notify.quota.district_summary",
                List.of(lastWeek.label(), str(counts.getOrDefault(WeekState.MET, 0L)),
                        str(counts.getOrDefault(WeekState.PARTLY_MET, 0L)), str(counts.getOrDefault(WeekState.MISSED, 0L)),
                        str(counts.getOrDefault(WeekState.EXEMPT, 0L))),
                "/admin/kuota", "quota.summary.district:" + lastWeek.label(), "quota_district_summary");
    }

    private int escalations(QuotaOverview overview) {
        int sent = 0;
        for (TenantQuota t : overview.tenants()) {
            if (-t.streak() < escalateAfter) {
                continue;
            }
            QuotaWeek since = t.missedStreakStart();
            // One escalation per run of missed weeks, keyed by the week the run began.
            sent += tell(t.id(), repository.people(null, KOMINFO_AND_COORDINATORS), "quota.escalation",
                    "notify.quota.escalation", List.of(t.name(), str(-t.streak()), since.label()),
                    "/admin/t/" + t.slug() + "/kuota", "quota.escalation:" + t.id().value() + ":" + since.label(),
                    "quota_escalation");
        }
        return sent;
    }

    /** Notifies the people once per dedupe key and mails exactly those newly notified who have an address. */
    private int tell(TenantId tenant, List<QuotaRepository.Recipient> people, String kind, String messageKey,
                     List<String> args, String link, String dedupeKey, String mailKind) {
        List<UserId> fresh = notifications.send(people.stream().map(QuotaRepository.Recipient::user).toList(), tenant,
                kind, messageKey, args, link, dedupeKey);
        Object[] mailArgs = new Object[args.size() + 1];
        for (int i = 0; i < args.size(); i++) {
            mailArgs[i] = args.get(i);
        }
        mailArgs[args.size()] = mailSettings.consoleBaseUrl() + link;
        for (QuotaRepository.Recipient person : people) {
            if (fresh.contains(person.user()) && person.email() != null && !person.email().isBlank()) {
                mail.enqueue(tenant, mailKind, person.email(), Messages.INDONESIAN, mailArgs);
            }
        }
        return fresh.size();
    }

    private static String str(long value) {
        return String.valueOf(value);
    }
}
