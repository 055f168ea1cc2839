package id.serambi.core.complaint;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;

import id.serambi.core.media.UploadSafety;
import id.serambi.core.portal.PortalQueries;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.tenant.TenantId;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The citizen's side of complaints, through the portal's database role: which agencies take complaints,
 * filing, tracking and answering back. That role may only call the narrow functions of schema "portal"
 * (V19), so a bug here can file or read one complaint with its code, never list or change others.
 */
@Singleton
public class PublicComplaints {
    private static final String DS = PortalQueries.DATASOURCE;

    public record Service(TenantId tenant, String slug, String name, List<String> categories) {
    }

    /** Subject and body of the receipt mail, "{register}" standing for the number the database allocates. */
    public record ReceiptMail(String subject, String body) {
    }

    private final DSLContext db;
    private final Clock clock;
    private final ZoneId zone;

    PublicComplaints(@Named(DS) DSLContext db, Clock clock, ZoneId zone) {
        this.db = db;
        this.clock = clock;
        this.zone = zone;
    }

    /** Agencies whose complaint service is on, by name. */
    @ReadOnly(DS)
    public List<Service> services() {
        return db.fetch("select s.tenant_id, t.slug, t.name, s.categories from portal.complaint_service s "
                        + "join portal.tenant t on t.id = s.tenant_id order by t.name")
                .map(r -> new Service(new TenantId(((Number) r.get(0)).longValue()), r.get(1, String.class),
                        r.get(2, String.class), Arrays.asList(r.get(3, String[].class))));
    }

    @ReadOnly(DS)
    public Optional<Service> service(TenantId tenant) {
        return services().stream().filter(s -> s.tenant().equals(tenant)).findFirst();
    }

    /**
     * Files the complaint (or finds the one this form token filed before) and queues the receipt mail when the
     * citizen gave an address. Throws {@link id.serambi.core.support.InvalidInputException} for bad input.
     */
    @Transactional(DS)
    public Filed file(Service service, NewComplaint complaint, ReceiptMail mail) {
        return file(service, complaint, mail, List.of());
    }

    /**
     * Files the complaint with the citizen's files (at most {@link ComplaintAttachments#CITIZEN_MAX}, each through
     * the media library's upload safety). Every refusal, of a field or of a file, comes back at once as an
     * {@link id.serambi.core.support.InvalidInputException}, and then nothing is filed. A retried form (same
     * token) finds its first complaint and attaches nothing again.
     */
    @Transactional(DS)
    public Filed file(Service service, NewComplaint complaint, ReceiptMail mail, List<ComplaintAttachments.Upload> uploads) {
        List<FieldError> errors = new ArrayList<>();
        try {
            ComplaintRules.check(complaint, service.categories(), true);
        } catch (InvalidInputException invalid) {
            errors.addAll(invalid.errors());
        }
        List<UploadSafety.SafeFile> files = ComplaintAttachments.inspect(uploads, ComplaintAttachments.CITIZEN_MAX, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (complaint.formToken() == null || complaint.formToken().length() < 20 || complaint.formToken().length() > 100) {
            throw new IllegalArgumentException("a complaint form needs its token");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OfficeCalendar calendar = OfficeCalendars.load(db, zone);
        OffsetDateTime due = standards(service.tenant()).dueOnFiling(ComplaintChannel.WEB, now, calendar);
        String code = TrackingCodes.codeFor(complaint.formToken());
        String email = ComplaintRules.blankToNull(complaint.email());
        var r = db.fetchOne("select complaint_id, register_number, created from portal.file_complaint(?::bigint, ?::text, ?::text, ?::text, ?::text, ?::text, ?::text, ?::text, ?::timestamptz, ?::timestamptz, ?::integer, ?::text, ?::text)",
                service.tenant().value(), TrackingCodes.hashOfFormToken(complaint.formToken()), TrackingCodes.hashOfCode(code),
                complaint.name().strip(), ComplaintRules.blankToNull(complaint.phone()), email,
                ComplaintRules.blankToNull(complaint.category()), complaint.description().strip(), now, due,
                now.atZoneSameInstant(zone).getYear(), email == null ? null : mail.subject(), email == null ? null : mail.body());
        Filed filed = new Filed(((Number) r.get(0)).longValue(), r.get(1, String.class), code, Boolean.TRUE.equals(r.get(2, Boolean.class)));
        if (filed.created()) {
            for (UploadSafety.SafeFile f : files) {
                db.fetchOne("select portal.attach_complaint_file(?::bigint, ?::text, ?::text, ?::text, ?::bytea, ?::timestamptz)",
                        filed.id(), TrackingCodes.hashOfCode(code), f.fileName(), f.contentType(), f.bytes(), now);
            }
        }
        return filed;
    }

    /** The agency's time standards as the portal may read them; seed 004's where it has set none. */
    private ComplaintStandards standards(TenantId tenant) {
        return db.fetchOptional("select receive_minutes, verify_minutes, record_minutes, answer_minutes, escalated_answer_days, "
                        + "deliver_minutes from portal.complaint_standard where tenant_id = ?", tenant.value())
                .map(r -> new ComplaintStandards(((Number) r.get(0)).intValue(), ((Number) r.get(1)).intValue(),
                        ((Number) r.get(2)).intValue(), ((Number) r.get(3)).intValue(), ((Number) r.get(4)).intValue(),
                        ((Number) r.get(5)).intValue()))
                .orElse(ComplaintStandards.SEED_004);
    }

    /** The complaint with this number and code, or empty for a wrong number and a wrong code alike. */
    @ReadOnly(DS)
    public Optional<TrackedComplaint> track(String registerNumber, String code) {
        if (registerNumber == null || code == null || registerNumber.length() > 80 || code.length() > 40) {
            return Optional.empty();
        }
        String hash = TrackingCodes.hashOfCode(code);
        var row = db.fetchOptional("select c.register_number, t.name, c.status, c.category, c.filed_at, c.answer, "
                + "c.return_reason, c.delivered_at from portal.track_complaint(?::text, ?::text) c left join portal.tenant t on t.id = c.tenant_id",
                registerNumber, hash);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        var r = row.get();
        List<TrackedComplaint.Line> lines = new ArrayList<>();
        for (var e : db.fetch("select event, to_status, public_text, occurred_at from portal.complaint_history(?::text, ?::text)", registerNumber, hash)) {
            lines.add(new TrackedComplaint.Line(e.get(0, String.class), e.get(1, String.class), e.get(2, String.class),
                    e.get(3, OffsetDateTime.class)));
        }
        ComplaintStatus status = ComplaintStatus.fromDb(r.get(2, String.class));
        OffsetDateTime delivered = r.get(7, OffsetDateTime.class);
        boolean mayRespond = status == ComplaintStatus.DELIVERED && delivered != null
                && delivered.isAfter(OffsetDateTime.now(clock).minusDays(ComplaintService.RESPONSE_DAYS));
        return Optional.of(new TrackedComplaint(r.get(0, String.class), r.get(1, String.class), status, r.get(3, String.class),
                r.get(4, OffsetDateTime.class), r.get(5, String.class), r.get(6, String.class), delivered, lines, mayRespond));
    }

    /**
     * The citizen's word on a delivered answer: solved (closed) or not (back to the officer, with the comment).
     * Empty when the number or code is wrong or the complaint cannot take an answer now.
     */
    @Transactional(DS)
    public Optional<ComplaintStatus> respond(String registerNumber, String code, boolean solved, String comment) {
        if (registerNumber == null || code == null || registerNumber.length() > 80 || code.length() > 40) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String hash = TrackingCodes.hashOfCode(code);
        // A reopened complaint goes back to the officer's answer: its agency's own answer standard.
        Optional<Long> tenant = db.fetchOptional("select tenant_id from portal.track_complaint(?::text, ?::text)", registerNumber, hash)
                .map(r -> ((Number) r.get(0)).longValue());
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        OffsetDateTime due = standards(new TenantId(tenant.get())).dueFor(ComplaintStatus.VERIFIED, now, OfficeCalendars.load(db, zone));
        String to = db.fetchOne("select portal.respond_to_complaint(?::text, ?::text, ?::boolean, ?::text, ?::timestamptz, ?::timestamptz)", registerNumber,
                hash, solved, ComplaintRules.blankToNull(comment), now, due).get(0, String.class);
        return Optional.ofNullable(to).map(ComplaintStatus::fromDb);
    }

    /**
     * Counts one request of {@code key} (e.g. "file:" and a hash of the address) in the current window of
     * {@code windowSeconds}; returns the count so far, across every portal node. Its own transaction: a
     * refused request still counts.
     */
    @Transactional(DS)
    public int hit(String key, int windowSeconds) {
        return db.fetchOne("select portal.complaint_rate_hit(?::text, ?::integer)", key, windowSeconds).get(0, Integer.class);
    }
}
