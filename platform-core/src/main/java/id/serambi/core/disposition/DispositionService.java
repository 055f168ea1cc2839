package id.serambi.core.disposition;

import static id.serambi.core.jooq.public_.Tables.DISPOSITION;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.impl.DSL;

import id.serambi.core.access.Access;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.audit.AuditService;
import id.serambi.core.i18n.Messages;
import id.serambi.core.mail.MailService;
import id.serambi.core.mail.MailSettings;
import id.serambi.core.notify.NotificationService;
import id.serambi.core.notify.Recipients;
import id.serambi.core.support.AccessDeniedException;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.support.NotFoundException;
import id.serambi.core.support.Validator;
import id.serambi.core.tenant.TenantId;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Dispositions (seed 000: instructions passed down the chain): a coordinator or Kominfo sends an agency an
 * instruction with a due date; the agency's admin acknowledges it, answers it and closes it. One that is past
 * due and not yet answered is overdue, on both sides. The agency's admins are told when one arrives, the
 * sender when it is answered; every step is audited and kept as an event.
 */
@Singleton
public class DispositionService {
    public static final int SUBJECT_MAX = 200;
    public static final int BODY_MAX = 5000;
    static final int LIST_LIMIT = 200;

    private final DispositionRepository repository;
    private final Access access;
    private final AuditService audit;
    private final NotificationService notifications;
    private final Recipients recipients;
    private final MailService mail;
    private final MailSettings mailSettings;
    private final Clock clock;
    private final ZoneId zone;

    DispositionService(DispositionRepository repository, Access access, AuditService audit,
                       NotificationService notifications, Recipients recipients, MailService mail,
                       MailSettings mailSettings, Clock clock, ZoneId zone) {
        this.repository = repository;
        this.access = access;
        this.audit = audit;
        this.notifications = notifications;
        this.recipients = recipients;
        this.mail = mail;
        this.mailSettings = mailSettings;
        this.clock = clock;
        this.zone = zone;
    }

    /** Sends an instruction to the agency; the due date ("2026-11-30") may not lie in the past. */
    @Transactional
    public Disposition send(Actor actor, String tenantSlug, String subject, String body, String dueOn) {
        TenantId tenant = access.requireInTenant(actor, Action.SEND_DISPOSITION, tenantSlug);
        if (actor.isSystem()) {
            throw new AccessDeniedException("disposition.by_person");
        }
        Validator validator = new Validator()
                .require("subject", subject, SUBJECT_MAX)
                .require("body", body, BODY_MAX);
        LocalDate due = null;
        if (dueOn == null || dueOn.isBlank()) {
            validator.add(FieldError.of("dueOn", "validation.required"));
        } else {
            try {
                due = LocalDate.parse(dueOn.strip());
                if (due.isBefore(today())) {
                    validator.add(FieldError.of("dueOn", "disposition.due_in_past"));
                }
            } catch (DateTimeParseException e) {
                validator.add(FieldError.of("dueOn", "disposition.due_format"));
            }
        }
        validator.check();
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = repository.insert(tenant, subject.strip(), body.strip(), due, actor.userId(), now);
        repository.event(tenant, id, "send", actor.userId(), null, now);
        audit.record(actor, tenant, "disposition.send", "disposition", String.valueOf(id),
                Map.of("subject", subject.strip(), "dueOn", due.toString()));
        Disposition sent = repository.find(tenant, id, today(), false).orElseThrow();
        tellTheAgency(tenant, sent);
        return sent;
    }

    /** The agency's dispositions, newest first: its admins, and the coordinators and Kominfo. */
    @ReadOnly
    public List<Disposition> ofTenant(Actor actor, String tenantSlug) {
        TenantId tenant = access.requireInTenant(actor, Action.VIEW_DISPOSITIONS, tenantSlug);
        return repository.list(DISPOSITION.TENANT_ID.eq(tenant.value()), today(), LIST_LIMIT);
    }

    /** Every agency's dispositions, newest first (coordinators and Kominfo), optionally only overdue ones. */
    @ReadOnly
    public List<Disposition> all(Actor actor, boolean overdueOnly) {
        access.require(actor, Action.VIEW_DISPOSITIONS);
        var where = overdueOnly ? DISPOSITION.STATE.in("sent", "acknowledged").and(DISPOSITION.DUE_ON.lt(today()))
                : DSL.noCondition();
        return repository.list(where, today(), LIST_LIMIT);
    }

    /** How many of the agency's dispositions are overdue: the badge on its page. */
    @ReadOnly
    public int overdueCount(Actor actor, String tenantSlug) {
        TenantId tenant = access.requireInTenant(actor, Action.VIEW_DISPOSITIONS, tenantSlug);
        return repository.countOverdue(DISPOSITION.TENANT_ID.eq(tenant.value()), today());
    }

    /** How many dispositions are overdue across all agencies: the badge on the coordinators' pages. */
    @ReadOnly
    public int overdueCount(Actor actor) {
        access.require(actor, Action.VIEW_DISPOSITIONS);
        return repository.countOverdue(DSL.noCondition(), today());
    }

    /** One disposition with its history; another tenant's id answers like a missing one. */
    @ReadOnly
    public Disposition get(Actor actor, String tenantSlug, long id) {
        TenantId tenant = access.requireInTenant(actor, Action.VIEW_DISPOSITIONS, tenantSlug);
        return repository.find(tenant, id, today(), false).orElseThrow(() -> new NotFoundException("disposition " + id));
    }

    /** The agency's admin has read it. */
    @Transactional
    public Disposition acknowledge(Actor actor, String tenantSlug, long id) {
        return step(actor, tenantSlug, id, "acknowledge", null);
    }

    /** The agency's answer (required). */
    @Transactional
    public Disposition answer(Actor actor, String tenantSlug, long id, String answer) {
        return step(actor, tenantSlug, id, "answer", answer);
    }

    /** The agency closes it once answered. */
    @Transactional
    public Disposition close(Actor actor, String tenantSlug, long id) {
        return step(actor, tenantSlug, id, "close", null);
    }

    /** A step as a form or the API names it ("acknowledge", "answer", "close"), read after the access check. */
    @Transactional
    public Disposition step(Actor actor, String tenantSlug, long id, String step, String answer) {
        TenantId tenant = access.requireInTenant(actor, Action.ANSWER_DISPOSITION, tenantSlug);
        Disposition d = repository.find(tenant, id, today(), true)
                .orElseThrow(() -> new NotFoundException("disposition " + id));
        String name = step == null ? "" : step.strip();
        DispositionState from = d.state();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("subject", d.subject());
        detail.put("from", from.dbValue());
        switch (name) {
            case "acknowledge" -> {
                requireState(from == DispositionState.SENT, from);
                repository.move(tenant, id, DispositionState.ACKNOWLEDGED, DISPOSITION.ACKNOWLEDGED_AT, now, null);
                repository.event(tenant, id, "acknowledge", actor.userId(), null, now);
            }
            case "answer" -> {
                requireState(from == DispositionState.ACKNOWLEDGED, from);
                new Validator().require("answer", answer, BODY_MAX).check();
                repository.move(tenant, id, DispositionState.ANSWERED, DISPOSITION.ANSWERED_AT, now, answer.strip());
                repository.event(tenant, id, "answer", actor.userId(), answer.strip(), now);
            }
            case "close" -> {
                requireState(from == DispositionState.ANSWERED, from);
                repository.move(tenant, id, DispositionState.CLOSED, DISPOSITION.CLOSED_AT, now, null);
                repository.event(tenant, id, "close", actor.userId(), null, now);
            }
            default -> throw new InvalidInputException(FieldError.of("step", "disposition.step.unknown"));
        }
        audit.record(actor, tenant, "disposition." + name, "disposition", String.valueOf(id), detail);
        Disposition after = repository.find(tenant, id, today(), false).orElseThrow();
        if (name.equals("answer")) {
            tellTheSender(tenant, after);
        }
        return after;
    }

    private static void requireState(boolean allowed, DispositionState from) {
        if (!allowed) {
            throw new InvalidInputException(FieldError.of("step", "disposition.step.refused",
                    Messages.of(Messages.INDONESIAN).get(from.messageKey())));
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private void tellTheAgency(TenantId tenant, Disposition d) {
        String link = "/admin/t/" + d.tenantSlug() + "/disposisi/" + d.id();
        var admins = recipients.tenantAdmins(tenant);
        var notified = notifications.send(admins.stream().map(Recipients.Recipient::userId).toList(), tenant,
                "disposition.sent", "notify.disposition.sent", List.of(d.subject(), d.sentByName(), d.dueOn().toString()),
                link, "disposition.sent:" + d.id());
        for (var admin : admins) {
            if (admin.email() != null && notified.contains(admin.userId())) {
                mail.enqueue(tenant, "disposition_sent", admin.email(), Messages.INDONESIAN, d.tenantName(), d.subject(),
                        d.sentByName(), d.dueOn().toString(), mailSettings.consoleBaseUrl() + link);
            }
        }
    }

    private void tellTheSender(TenantId tenant, Disposition d) {
        String link = "/admin/t/" + d.tenantSlug() + "/disposisi/" + d.id();
        recipients.person(d.sentBy()).ifPresent(sender -> {
            var notified = notifications.send(List.of(sender.userId()), tenant, "disposition.answered",
                    "notify.disposition.answered", List.of(d.subject(), d.tenantName()), link,
                    "disposition.answered:" + d.id());
            if (sender.email() != null && !notified.isEmpty()) {
                mail.enqueue(tenant, "disposition_answered", sender.email(), Messages.INDONESIAN, d.tenantName(),
                        d.subject(), mailSettings.consoleBaseUrl() + link);
            }
        });
    }
}
