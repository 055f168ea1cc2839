package id.serambi.core.complaint;

import static id.serambi.core.jooq.public_.Tables.APP_USER;
import static id.serambi.core.jooq.public_.Tables.COMPLAINT;
import static id.serambi.core.jooq.public_.Tables.COMPLAINT_ATTACHMENT;
import static id.serambi.core.jooq.public_.Tables.COMPLAINT_EVENT;
import static id.serambi.core.jooq.public_.Tables.COMPLAINT_SETTINGS;
import static id.serambi.core.jooq.public_.Tables.HOLIDAY;
import static id.serambi.core.jooq.public_.Tables.MEMBERSHIP;
import static id.serambi.core.jooq.public_.Tables.TENANT;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.serambi.core.access.Access;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.account.Role;
import id.serambi.core.account.UserId;
import id.serambi.core.audit.AuditService;
import id.serambi.core.jooq.public_.tables.records.ComplaintRecord;
import id.serambi.core.mail.MailService;
import id.serambi.core.media.UploadSafety;
import id.serambi.core.notify.NotificationService;
import id.serambi.core.support.AccessDeniedException;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.support.NotFoundException;
import id.serambi.core.tenant.TenantId;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Complaints at the agency (seed 004): the officer's intake of complaints that came another way, the steps of
 * {@link ComplaintStep} with their time standards in office hours, notes, the settings, and the jobs that
 * notify about overdue steps, close answered complaints the citizen left alone and anonymise old ones. The
 * complainant's name and contact reach only the complaint roles; audit entries and logs never carry them.
 */
@Singleton
public class ComplaintService {
    /** How long a citizen may confirm or reopen a delivered answer before it closes by itself. */
    public static final int RESPONSE_DAYS = 14;
    public static final String ANONYMISED = "—";
    private static final Logger LOG = LoggerFactory.getLogger(ComplaintService.class);

    private final DSLContext db;
    private final Access access;
    private final AuditService audit;
    private final NotificationService notifications;
    private final MailService mail;
    private final Clock clock;
    private final ZoneId zone;

    ComplaintService(DSLContext db, Access access, AuditService audit, NotificationService notifications,
                     MailService mail, Clock clock, ZoneId zone) {
        this.db = db;
        this.access = access;
        this.audit = audit;
        this.notifications = notifications;
        this.mail = mail;
        this.clock = clock;
        this.zone = zone;
    }

    /** For controllers that must check access before they read a form: 404/403 as {@link Access} says. */
    @ReadOnly
    public void require(Actor actor, String slug, Action action) {
        access.requireInTenant(actor, action, slug);
    }

    // ---- settings ----

    @ReadOnly
    public ComplaintSettings settings(Actor actor, String slug) {
        TenantId tenant = access.requireInTenant(actor, Action.VIEW_TENANT, slug);
        return settingsOf(tenant);
    }

    ComplaintSettings settingsOf(TenantId tenant) {
        return db.selectFrom(COMPLAINT_SETTINGS).where(COMPLAINT_SETTINGS.TENANT_ID.eq(tenant.value())).fetchOptional()
                .map(r -> new ComplaintSettings(r.getEnabled(), Arrays.asList(r.getCategories()),
                        new ComplaintStandards(r.getReceiveMinutes(), r.getVerifyMinutes(), r.getRecordMinutes(),
                                r.getAnswerMinutes(), r.getEscalatedAnswerDays(), r.getDeliverMinutes()), r.getRetentionDays()))
                .orElse(ComplaintSettings.OFF);
    }

    /** Saves the service's switch, categories (one a line), standards and retention. */
    @Transactional
    public ComplaintSettings saveSettings(Actor actor, String slug, ComplaintSettings settings) {
        TenantId tenant = access.requireInTenant(actor, Action.SET_COMPLAINT_SERVICE, slug);
        List<FieldError> errors = new ArrayList<>();
        ComplaintStandards s = settings.standards();
        checkMinutes(errors, "receiveMinutes", s.receiveMinutes());
        checkMinutes(errors, "verifyMinutes", s.verifyMinutes());
        checkMinutes(errors, "recordMinutes", s.recordMinutes());
        checkMinutes(errors, "answerMinutes", s.answerMinutes());
        checkMinutes(errors, "deliverMinutes", s.deliverMinutes());
        if (s.escalatedAnswerDays() < 1 || s.escalatedAnswerDays() > ComplaintStandards.MAX_DAYS) {
            errors.add(FieldError.of("escalatedAnswerDays", "complaint.error.days", 1, ComplaintStandards.MAX_DAYS));
        }
        if (settings.retentionDays() < 30 || settings.retentionDays() > 3650) {
            errors.add(FieldError.of("retentionDays", "complaint.error.days", 30, 3650));
        }
        List<String> categories = settings.categories().stream().map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
        if (categories.size() > 30 || categories.stream().anyMatch(c -> c.length() > 100)) {
            errors.add(FieldError.of("categories", "complaint.error.categories"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        db.insertInto(COMPLAINT_SETTINGS)
                .set(COMPLAINT_SETTINGS.TENANT_ID, tenant.value())
                .set(COMPLAINT_SETTINGS.ENABLED, settings.enabled())
                .set(COMPLAINT_SETTINGS.CATEGORIES, categories.toArray(String[]::new))
                .set(COMPLAINT_SETTINGS.RECEIVE_MINUTES, s.receiveMinutes())
                .set(COMPLAINT_SETTINGS.VERIFY_MINUTES, s.verifyMinutes())
                .set(COMPLAINT_SETTINGS.RECORD_MINUTES, s.recordMinutes())
                .set(COMPLAINT_SETTINGS.ANSWER_MINUTES, s.answerMinutes())
                .set(COMPLAINT_SETTINGS.ESCALATED_ANSWER_DAYS, s.escalatedAnswerDays())
                .set(COMPLAINT_SETTINGS.DELIVER_MINUTES, s.deliverMinutes())
                .set(COMPLAINT_SETTINGS.RETENTION_DAYS, settings.retentionDays())
                .set(COMPLAINT_SETTINGS.UPDATED_AT, OffsetDateTime.now(clock))
                .onConflict(COMPLAINT_SETTINGS.TENANT_ID).doUpdate()
                .set(COMPLAINT_SETTINGS.ENABLED, settings.enabled())
                .set(COMPLAINT_SETTINGS.CATEGORIES, categories.toArray(String[]::new))
                .set(COMPLAINT_SETTINGS.RECEIVE_MINUTES, s.receiveMinutes())
                .set(COMPLAINT_SETTINGS.VERIFY_MINUTES, s.verifyMinutes())
                .set(COMPLAINT_SETTINGS.RECORD_MINUTES, s.recordMinutes())
                .set(COMPLAINT_SETTINGS.ANSWER_MINUTES, s.answerMinutes())
                .set(COMPLAINT_SETTINGS.ESCALATED_ANSWER_DAYS, s.escalatedAnswerDays())
                .set(COMPLAINT_SETTINGS.DELIVER_MINUTES, s.deliverMinutes())
                .set(COMPLAINT_SETTINGS.RETENTION_DAYS, settings.retentionDays())
                .set(COMPLAINT_SETTINGS.UPDATED_AT, OffsetDateTime.now(clock))
                .execute();
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("enabled", String.valueOf(settings.enabled()));
        detail.put("categories", String.valueOf(categories.size()));
        audit.record(actor, tenant, "complaint.settings", "tenant", slug, detail);
        return settingsOf(tenant);
    }

    private static void checkMinutes(List<FieldError> errors, String field, int minutes) {
        if (minutes < 1 || minutes > ComplaintStandards.MAX_MINUTES) {
            errors.add(FieldError.of(field, "complaint.error.minutes", 1, ComplaintStandards.MAX_MINUTES));
        }
    }

    // ---- intake and steps ----

    /** An officer records a complaint that came by walk-in, WhatsApp, email, Facebook or phone: same register. */
    @Transactional
    public Filed intake(Actor actor, String slug, NewComplaint complaint) {
        TenantId tenant = access.requireInTenant(actor, Action.INTAKE_COMPLAINT, slug);
        ComplaintSettings settings = settingsOf(tenant);
        var channel = ComplaintChannel.parse(complaint.channel()).filter(c -> c != ComplaintChannel.WEB);
        List<FieldError> errors = new ArrayList<>();
        if (channel.isEmpty()) {
            errors.add(FieldError.of("channel", "complaint.error.channel"));
        }
        try {
            ComplaintRules.check(complaint, settings.categories(), false);
        } catch (InvalidInputException invalid) {
            errors.addAll(invalid.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String formToken = complaint.formToken() != null && complaint.formToken().length() >= 20
                ? complaint.formToken() : TrackingCodes.newFormToken();
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime due = settings.standards().dueOnFiling(channel.get(), now, calendar());
        String code = TrackingCodes.codeFor(formToken);
        var r = db.fetchOne("select complaint_id, register_number, created from public.complaint_file(?::bigint, ?::text, ?::text, ?::text, ?::text, ?::text, ?::text, ?::text, ?::text, ?::boolean, ?::bigint, ?::text, ?::timestamptz, ?::timestamptz, ?::integer)",
                tenant.value(), channel.get().dbValue(), TrackingCodes.hashOfFormToken(formToken), TrackingCodes.hashOfCode(code),
                complaint.name().strip(), ComplaintRules.blankToNull(complaint.phone()), ComplaintRules.blankToNull(complaint.email()),
                ComplaintRules.blankToNull(complaint.category()), complaint.description().strip(), complaint.consent(),
                actor.userId() == null ? null : actor.userId().value(), actor.username(), now, due,
                now.atZoneSameInstant(zone).getYear());
        Filed filed = new Filed(((Number) r.get(0)).longValue(), r.get(1, String.class), code, Boolean.TRUE.equals(r.get(2, Boolean.class)));
        if (filed.created()) {
            audit.record(actor, tenant, "complaint.intake", "complaint", filed.registerNumber(),
                    Map.of("channel", channel.get().dbValue()));
        }
        return filed;
    }

    /** The agency's complaints, open ones first by due time; {@code status} null for all. */
    @ReadOnly
    public List<ComplaintSummary> list(Actor actor, String slug, ComplaintStatus status) {
        TenantId tenant = access.requireInTenant(actor, Action.READ_COMPLAINTS, slug);
        var where = COMPLAINT.TENANT_ID.eq(tenant.value());
        if (status != null) {
            where = where.and(COMPLAINT.STATUS.eq(status.dbValue()));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return db.selectFrom(COMPLAINT).where(where)
                .orderBy(COMPLAINT.DUE_AT.asc().nullsLast(), COMPLAINT.ID.desc())
                .limit(500)
                .fetch(r -> summary(r, now));
    }

    @ReadOnly
    public ComplaintDetail get(Actor actor, String slug, long id) {
        TenantId tenant = access.requireInTenant(actor, Action.READ_COMPLAINTS, slug);
        ComplaintRecord r = find(tenant, id);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<ComplaintEventLine> history = db.selectFrom(COMPLAINT_EVENT)
                .where(COMPLAINT_EVENT.TENANT_ID.eq(tenant.value())).and(COMPLAINT_EVENT.COMPLAINT_ID.eq(id))
                .orderBy(COMPLAINT_EVENT.ID)
                .fetch(e -> new ComplaintEventLine(e.getId(), e.getEvent(), e.getToStatus(), e.getActorLabel(),
                        e.getPublicText(), e.getInternalNote(), e.getOccurredAt()));
        ComplaintStatus status = ComplaintStatus.fromDb(r.getStatus());
        List<ComplaintStep> possible = Arrays.stream(ComplaintStep.values())
                .filter(s -> s.byOffice() && s.from().contains(status) && may(actor, s.action(), slug))
                .toList();
        return new ComplaintDetail(summary(r, now), r.getDescription(), r.getContactPhone(), r.getContactEmail(),
                r.getConsentAt() != null, r.getAnswer(), r.getReturnReason(), r.getAnonymisedAt() != null, possible,
                history, r.getDeliveredAt(), attachments(tenant, id));
    }

    private List<ComplaintAttachments.Attachment> attachments(TenantId tenant, long complaintId) {
        return db.select(COMPLAINT_ATTACHMENT.ID, COMPLAINT_ATTACHMENT.FILE_NAME, COMPLAINT_ATTACHMENT.CONTENT_TYPE,
                        DSL.field("octet_length({0})", Integer.class, COMPLAINT_ATTACHMENT.CONTENT), COMPLAINT_ATTACHMENT.EVENT_ID, COMPLAINT_ATTACHMENT.CREATED_AT)
                .from(COMPLAINT_ATTACHMENT)
                .where(COMPLAINT_ATTACHMENT.TENANT_ID.eq(tenant.value())).and(COMPLAINT_ATTACHMENT.COMPLAINT_ID.eq(complaintId))
                .orderBy(COMPLAINT_ATTACHMENT.ID)
                .fetch(a -> new ComplaintAttachments.Attachment(a.value1(), a.value2(), a.value3(), a.value4().longValue(),
                        a.value5() == null, a.value6()));
    }

    /**
     * An officer or official adds files (and optionally an internal note) to a complaint in any state. The files
     * pass the upload safety; the note and the files hang on one internal "note" event, which the citizen's
     * tracking never shows. Nothing is stored unless every file passes.
     */
    @Transactional
    public List<ComplaintAttachments.Attachment> attach(Actor actor, String slug, long id, List<ComplaintAttachments.Upload> uploads,
                                                        String note) {
        TenantId tenant = access.requireInTenant(actor, Action.NOTE_ON_COMPLAINT, slug);
        ComplaintRecord r = db.selectFrom(COMPLAINT).where(COMPLAINT.TENANT_ID.eq(tenant.value())).and(COMPLAINT.ID.eq(id))
                .forUpdate().fetchOptional().orElseThrow(() -> new NotFoundException("complaint " + id));
        List<FieldError> errors = new ArrayList<>();
        String text = ComplaintRules.blankToNull(note);
        if (text != null && text.length() > 5000) {
            errors.add(FieldError.of("note", "validation.too_long", 5000));
        }
        int already = db.fetchCount(COMPLAINT_ATTACHMENT, COMPLAINT_ATTACHMENT.TENANT_ID.eq(tenant.value())
                .and(COMPLAINT_ATTACHMENT.COMPLAINT_ID.eq(id)).and(COMPLAINT_ATTACHMENT.EVENT_ID.isNotNull()));
        List<UploadSafety.SafeFile> files = ComplaintAttachments.inspect(uploads,
                Math.max(0, ComplaintAttachments.OFFICE_MAX - already), errors);
        if (files.isEmpty() && errors.isEmpty()) {
            errors.add(FieldError.of(ComplaintAttachments.FIELD, "complaint.attachment.none"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long eventId = insertNote(actor, tenant, r, text, now);
        for (UploadSafety.SafeFile f : files) {
            db.insertInto(COMPLAINT_ATTACHMENT)
                    .set(COMPLAINT_ATTACHMENT.TENANT_ID, tenant.value())
                    .set(COMPLAINT_ATTACHMENT.COMPLAINT_ID, id)
                    .set(COMPLAINT_ATTACHMENT.EVENT_ID, eventId)
                    .set(COMPLAINT_ATTACHMENT.FILE_NAME, f.fileName())
                    .set(COMPLAINT_ATTACHMENT.CONTENT_TYPE, f.contentType())
                    .set(COMPLAINT_ATTACHMENT.CONTENT, f.bytes())
                    .set(COMPLAINT_ATTACHMENT.CREATED_AT, now)
                    .execute();
        }
        // The file names may name people: the audit keeps how many and of which types.
        audit.record(actor, tenant, "complaint.attach", "complaint", r.getRegisterNumber(),
                Map.of("files", String.valueOf(files.size()),
                        "types", String.join(",", files.stream().map(UploadSafety.SafeFile::contentType).toList())));
        return attachments(tenant, id);
    }

    /** One attachment's bytes, for the agency's complaint roles only (another agency's id is simply not found). */
    @ReadOnly
    public ComplaintAttachments.Download attachment(Actor actor, String slug, long complaintId, long attachmentId) {
        TenantId tenant = access.requireInTenant(actor, Action.READ_COMPLAINTS, slug);
        return db.select(COMPLAINT_ATTACHMENT.FILE_NAME, COMPLAINT_ATTACHMENT.CONTENT_TYPE, COMPLAINT_ATTACHMENT.CONTENT)
                .from(COMPLAINT_ATTACHMENT)
                .where(COMPLAINT_ATTACHMENT.TENANT_ID.eq(tenant.value())).and(COMPLAINT_ATTACHMENT.COMPLAINT_ID.eq(complaintId))
                .and(COMPLAINT_ATTACHMENT.ID.eq(attachmentId))
                .fetchOptional(a -> new ComplaintAttachments.Download(a.value1(), a.value2(), a.value3()))
                .orElseThrow(() -> new NotFoundException("attachment " + attachmentId));
    }

    /**
     * Takes one officer's or official's step. {@code text} is what the citizen gets (the answer, the reason for
     * returning); {@code note} stays inside the agency. Refusals in words: a step the complaint's state does not
     * allow is an input error naming the state.
     */
    @Transactional
    public ComplaintStatus act(Actor actor, String slug, long id, ComplaintStep step, String text, String note) {
        if (!step.byOffice()) {
            throw new IllegalArgumentException(step + " is not an office step");
        }
        TenantId tenant = access.requireInTenant(actor, step.action(), slug);
        ComplaintRecord r = db.selectFrom(COMPLAINT).where(COMPLAINT.TENANT_ID.eq(tenant.value())).and(COMPLAINT.ID.eq(id))
                .forUpdate().fetchOptional().orElseThrow(() -> new NotFoundException("complaint " + id));
        ComplaintStatus from = ComplaintStatus.fromDb(r.getStatus());
        if (!step.from().contains(from)) {
            audit.recordRefusal(actor, tenant, "complaint." + step.dbValue() + ".refused", "complaint", r.getRegisterNumber(),
                    Map.of("status", from.dbValue()));
            throw new InvalidInputException(FieldError.of("step", "complaint.error.step_not_allowed", from.messageKey()));
        }
        String publicText = ComplaintRules.blankToNull(text);
        if (step.needsText() && publicText == null) {
            throw new InvalidInputException(FieldError.of("text", step == ComplaintStep.RETURN
                    ? "complaint.error.reason_needed" : "complaint.error.answer_needed"));
        }
        if (publicText != null && publicText.length() > 5000 || note != null && note.length() > 5000) {
            throw new InvalidInputException(FieldError.of("text", "validation.too_long", 5000));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        ComplaintStatus to = step.to();
        OffsetDateTime due = settingsOf(tenant).standards().dueFor(to, now, calendar());
        insertEvent(tenant, id, step, from, to, actor, step == ComplaintStep.RETURN ? publicText : null,
                ComplaintRules.blankToNull(note), r.getStatusSince(), r.getDueAt(), now);
        var update = db.update(COMPLAINT).set(COMPLAINT.STATUS, to.dbValue()).set(COMPLAINT.STATUS_SINCE, now)
                .set(COMPLAINT.DUE_AT, due);
        if (step == ComplaintStep.ANSWER || step == ComplaintStep.ANSWER_ESCALATED) {
            update = update.set(COMPLAINT.ANSWER, publicText);
        }
        if (step == ComplaintStep.RETURN) {
            update = update.set(COMPLAINT.RETURN_REASON, publicText).set(COMPLAINT.CLOSED_AT, now);
        }
        if (step == ComplaintStep.DELIVER) {
            update = update.set(COMPLAINT.DELIVERED_AT, now);
        }
        update.where(COMPLAINT.ID.eq(id)).execute();
        if ((step == ComplaintStep.DELIVER || step == ComplaintStep.RETURN) && r.getContactEmail() != null) {
            String body = step == ComplaintStep.DELIVER ? r.getAnswer() : publicText;
            mail.enqueue(tenant, step == ComplaintStep.DELIVER ? "complaint_answer" : "complaint_returned",
                    r.getContactEmail(), null, r.getRegisterNumber(), body);
        }
        if (step == ComplaintStep.ESCALATE) {
            List<UserId> notified = notifications.send(members(tenant, Role.COMPLAINT_OFFICIAL), tenant, "complaint.escalated",
                    "notify.complaint.escalated", List.of(r.getRegisterNumber()), "/admin/t/" + slug + "/pengaduan/" + id,
                    "complaint.escalated:" + id + ":" + now.toEpochSecond());
            // By email too, but only to those the notification reached now: a repeated escalation mails no one twice.
            for (String email : emailsOf(notified)) {
                mail.enqueue(tenant, "complaint_escalated", email, null, r.getRegisterNumber(), slug, String.valueOf(id));
            }
        }
        audit.record(actor, tenant, "complaint." + step.dbValue(), "complaint", r.getRegisterNumber(),
                Map.of("from", from.dbValue(), "to", to.dbValue()));
        return to;
    }

    /** An internal note on any step (it moves nothing). */
    @Transactional
    public void addNote(Actor actor, String slug, long id, String note) {
        TenantId tenant = access.requireInTenant(actor, Action.NOTE_ON_COMPLAINT, slug);
        ComplaintRecord r = find(tenant, id);
        String text = ComplaintRules.blankToNull(note);
        if (text == null || text.length() > 5000) {
            throw new InvalidInputException(FieldError.of("note", text == null ? "validation.required" : "validation.too_long", 5000));
        }
        insertNote(actor, tenant, r, text, OffsetDateTime.now(clock));
        audit.record(actor, tenant, "complaint.note", "complaint", r.getRegisterNumber(), Map.of());
    }

    /** An internal note in the complaint's history: the status stays as it is. Returns the event's id. */
    private long insertNote(Actor actor, TenantId tenant, ComplaintRecord complaint, String text, OffsetDateTime at) {
        String status = ComplaintStatus.fromDb(complaint.getStatus()).dbValue();
        return db.insertInto(COMPLAINT_EVENT)
                .set(COMPLAINT_EVENT.TENANT_ID, tenant.value())
                .set(COMPLAINT_EVENT.COMPLAINT_ID, complaint.getId())
                .set(COMPLAINT_EVENT.EVENT, "note")
                .set(COMPLAINT_EVENT.FROM_STATUS, status)
                .set(COMPLAINT_EVENT.TO_STATUS, status)
                .set(COMPLAINT_EVENT.ACTOR_USER_ID, actor.userId() == null ? null : actor.userId().value())
                .set(COMPLAINT_EVENT.ACTOR_LABEL, actor.username())
                .set(COMPLAINT_EVENT.INTERNAL_NOTE, text)
                .set(COMPLAINT_EVENT.OCCURRED_AT, at)
                .returning(COMPLAINT_EVENT.ID).fetchOne().getId();
    }

    // ---- jobs (every console node runs them; row locks and dedupe keys make a second run a no-op) ----

    /** Notifies the officials and officers of each open complaint whose step is overdue, once per step. */
    @Transactional
    public int notifyOverdue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int notified = 0;
        for (var r : db.select(COMPLAINT.ID, COMPLAINT.TENANT_ID, COMPLAINT.REGISTER_NUMBER, COMPLAINT.STATUS,
                        COMPLAINT.STATUS_SINCE, TENANT.SLUG)
                .from(COMPLAINT).join(TENANT).on(TENANT.ID.eq(COMPLAINT.TENANT_ID))
                .where(COMPLAINT.DUE_AT.lt(now))
                .and(COMPLAINT.STATUS.in("received", "verified", "escalated", "answered"))
                .limit(1000).fetch()) {
            TenantId tenant = new TenantId(r.value2());
            List<UserId> people = new ArrayList<>(members(tenant, Role.COMPLAINT_OFFICIAL));
            people.addAll(members(tenant, Role.COMPLAINT_OFFICER));
            notified += notifications.send(people, tenant, "complaint.overdue", "notify.complaint.overdue",
                    List.of(r.value3(), "complaint.status." + r.value4()), "/admin/t/" + r.value6() + "/pengaduan/" + r.value1(),
                    "complaint.overdue:" + r.value1() + ":" + r.value4() + ":" + r.value5().toEpochSecond()).size();
        }
        return notified;
    }

    /** Closes delivered complaints the citizen neither confirmed nor reopened within {@link #RESPONSE_DAYS}. */
    @Transactional
    public int closeUnanswered() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int closed = 0;
        for (ComplaintRecord r : db.selectFrom(COMPLAINT).where(COMPLAINT.STATUS.eq("delivered"))
                .and(COMPLAINT.DELIVERED_AT.lt(now.minusDays(RESPONSE_DAYS))).limit(500).forUpdate().skipLocked().fetch()) {
            TenantId tenant = new TenantId(r.getTenantId());
            insertEvent(tenant, r.getId(), ComplaintStep.AUTO_CLOSE, ComplaintStatus.DELIVERED, ComplaintStatus.CLOSED,
                    Actor.system("complaint-clock"), null, null, r.getStatusSince(), null, now);
            db.update(COMPLAINT).set(COMPLAINT.STATUS, "closed").set(COMPLAINT.STATUS_SINCE, now)
                    .set(COMPLAINT.CLOSED_AT, now).setNull(COMPLAINT.DUE_AT).where(COMPLAINT.ID.eq(r.getId())).execute();
            audit.record(Actor.system("complaint-clock"), tenant, "complaint.auto_close", "complaint", r.getRegisterNumber(), Map.of());
            closed++;
        }
        return closed;
    }

    /**
     * Erases every copy of the personal data of complaints closed longer ago than their agency's retention: the
     * name, contact and texts on the complaint, the texts and notes of its events, its attachments, and the
     * recipient and text of the mails sent to the complainant about it (the outbox keeps that the mail existed).
     */
    @Transactional
    public int anonymiseExpired() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Long> ids = db.fetch("""
                select c.id from complaint c left join complaint_settings s on s.tenant_id = c.tenant_id
                 where c.anonymised_at is null and c.closed_at is not null
                   and c.closed_at < ?::timestamptz - make_interval(days => coalesce(s.retention_days, ?::integer))
                 order by c.id limit 1000 for update of c skip locked""", now, ComplaintSettings.DEFAULT_RETENTION_DAYS)
                .map(r -> ((Number) r.get(0)).longValue());
        if (ids.isEmpty()) {
            return 0;
        }
        Long[] idArray = ids.toArray(Long[]::new);
        // Mails to the complainant name the register number in their subject (receipt, answer, return).
        db.execute("""
                update mail_outbox m set recipient = ?, body_text = ?,
                       sent_at = coalesce(m.sent_at, ?::timestamptz),
                       last_error = case when m.sent_at is null then 'anonymised before sending' else m.last_error end
                  from complaint c
                 where c.id = any(?::bigint[]) and m.tenant_id = c.tenant_id
                   and m.purpose in ('complaint_receipt', 'complaint_answer', 'complaint_returned')
                   and position(c.register_number in m.subject) > 0""", ANONYMISED, ANONYMISED, now, idArray);
        db.execute("update complaint_event set public_text = null, internal_note = null where complaint_id = any(?::bigint[])", (Object) idArray);
        db.execute("delete from complaint_attachment where complaint_id = any(?::bigint[])", (Object) idArray);
        int done = db.execute("update complaint set complainant_name = null, contact_phone = null, contact_email = null, "
                + "description = ?, answer = null, return_reason = null, anonymised_at = ?::timestamptz where id = any(?::bigint[])",
                ANONYMISED, now, idArray);
        audit.record(Actor.system("complaint-retention"), null, "complaint.anonymise", "complaint", null,
                Map.of("count", String.valueOf(done)));
        LOG.info("anonymised {} closed complaints", done);
        return done;
    }

    // ---- the district's office calendar ----

    @ReadOnly
    public OfficeCalendar calendar() {
        return OfficeCalendars.load(db, zone);
    }

    @ReadOnly
    public Map<LocalDate, String> holidays(Actor actor) {
        access.require(actor, Action.MANAGE_OFFICE_CALENDAR);
        Map<LocalDate, String> all = new LinkedHashMap<>();
        db.selectFrom(HOLIDAY).orderBy(HOLIDAY.DAY).forEach(h -> all.put(h.getDay(), h.getName()));
        return all;
    }

    @Transactional
    public void setHoliday(Actor actor, LocalDate day, String name) {
        access.require(actor, Action.MANAGE_OFFICE_CALENDAR);
        if (day == null || name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidInputException(FieldError.of(day == null ? "day" : "name", "validation.required"));
        }
        db.insertInto(HOLIDAY).set(HOLIDAY.DAY, day).set(HOLIDAY.NAME, name.strip())
                .onConflict(HOLIDAY.DAY).doUpdate().set(HOLIDAY.NAME, name.strip()).execute();
        audit.record(actor, null, "office_calendar.holiday", "holiday", day.toString(), Map.of("name", name.strip()));
    }

    @Transactional
    public void removeHoliday(Actor actor, LocalDate day) {
        access.require(actor, Action.MANAGE_OFFICE_CALENDAR);
        db.deleteFrom(HOLIDAY).where(HOLIDAY.DAY.eq(day)).execute();
        audit.record(actor, null, "office_calendar.holiday_removed", "holiday", day.toString(), Map.of());
    }

    // ---- helpers ----

    private boolean may(Actor actor, Action action, String slug) {
        try {
            access.requireInTenant(actor, action, slug);
            return true;
        } catch (AccessDeniedException | NotFoundException e) {
            return false;
        }
    }

    private ComplaintRecord find(TenantId tenant, long id) {
        return db.selectFrom(COMPLAINT).where(COMPLAINT.TENANT_ID.eq(tenant.value())).and(COMPLAINT.ID.eq(id))
                .fetchOptional().orElseThrow(() -> new NotFoundException("complaint " + id));
    }

    private ComplaintSummary summary(ComplaintRecord r, OffsetDateTime now) {
        ComplaintStatus status = ComplaintStatus.fromDb(r.getStatus());
        boolean overdue = status.officeClockRuns() && r.getDueAt() != null && r.getDueAt().isBefore(now);
        return new ComplaintSummary(r.getId(), r.getRegisterNumber(), ComplaintChannel.parse(r.getChannel()).orElseThrow(),
                r.getCategory(), status, r.getComplainantName(), r.getFiledAt(), r.getStatusSince(), r.getDueAt(), overdue);
    }

    private List<String> emailsOf(List<UserId> users) {
        if (users.isEmpty()) {
            return List.of();
        }
        return db.select(APP_USER.EMAIL).from(APP_USER)
                .where(APP_USER.ID.in(users.stream().map(UserId::value).toList())).and(APP_USER.EMAIL.isNotNull())
                .fetch(APP_USER.EMAIL);
    }

    private List<UserId> members(TenantId tenant, Role role) {
        return db.select(MEMBERSHIP.USER_ID).from(MEMBERSHIP)
                .where(MEMBERSHIP.TENANT_ID.eq(tenant.value())).and(MEMBERSHIP.ROLE.eq(role.dbValue()))
                .fetch(r -> new UserId(r.value1()));
    }

    private void insertEvent(TenantId tenant, long complaintId, ComplaintStep step, ComplaintStatus from, ComplaintStatus to,
                             Actor actor, String publicText, String note, OffsetDateTime stepStarted, OffsetDateTime stepDue,
                             OffsetDateTime now) {
        db.insertInto(COMPLAINT_EVENT)
                .set(COMPLAINT_EVENT.TENANT_ID, tenant.value())
                .set(COMPLAINT_EVENT.COMPLAINT_ID, complaintId)
                .set(COMPLAINT_EVENT.EVENT, step.dbValue())
                .set(COMPLAINT_EVENT.FROM_STATUS, from.dbValue())
                .set(COMPLAINT_EVENT.TO_STATUS, to.dbValue())
                .set(COMPLAINT_EVENT.ACTOR_USER_ID, actor.userId() == null ? null : actor.userId().value())
                .set(COMPLAINT_EVENT.ACTOR_LABEL, actor.username())
                .set(COMPLAINT_EVENT.PUBLIC_TEXT, publicText)
                .set(COMPLAINT_EVENT.INTERNAL_NOTE, note)
                .set(COMPLAINT_EVENT.STEP_STARTED_AT, stepStarted)
                .set(COMPLAINT_EVENT.STEP_DUE_AT, stepDue)
                .set(COMPLAINT_EVENT.OCCURRED_AT, now)
                .execute();
    }
}
