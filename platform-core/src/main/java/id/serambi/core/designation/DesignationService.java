package id.serambi.core.designation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import id.serambi.core.access.Access;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.ActivationLink;
import id.serambi.core.account.CredentialService;
import id.serambi.core.account.Delivery;
import id.serambi.core.account.NewPerson;
import id.serambi.core.account.Role;
import id.serambi.core.audit.AuditService;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.support.NotFoundException;
import id.serambi.core.support.Validator;
import id.serambi.core.tenant.NewTenant;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantId;
import id.serambi.core.tenant.TenantService;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Designations: the agency head's letter naming a person to a role in the agency's site (the SOP's "admin
 * data requested by letter"). Designating creates the person's account without a password plus their role,
 * and issues an activation link by email or on a printed sheet. Re-issuing replaces the link; revoking takes
 * the role away and ends the person's sessions at once. Kominfo's admins designate in any tenant, an agency's
 * admin in their own; every step is audited.
 */
@Singleton
public class DesignationService {
    public static final int MAX_LETTER_BYTES = 5 * 1024 * 1024;
    public static final List<Role> ROLES = List.of(Role.TENANT_ADMIN, Role.EDITOR, Role.WRITER,
            Role.COMPLAINT_OFFICER, Role.COMPLAINT_OFFICIAL);
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            strict("d/M/uuuu"), strict("d-M-uuuu"), strict("d.M.uuuu"));

    private final DesignationRepository designations;
    private final TenantService tenants;
    private final AccountService accounts;
    private final CredentialService credentials;
    private final AuditService audit;
    private final Access access;
    private final Clock clock;
    private final ZoneId zone;

    DesignationService(DesignationRepository designations, TenantService tenants, AccountService accounts,
                       CredentialService credentials, AuditService audit, Access access, Clock clock, ZoneId zone) {
        this.designations = designations;
        this.tenants = tenants;
        this.accounts = accounts;
        this.credentials = credentials;
        this.audit = audit;
        this.access = access;
        this.clock = clock;
        this.zone = zone;
    }

    /** Designates a person in the tenant {@code slug}. */
    @Transactional
    public DesignationResult designate(Actor actor, String slug, NewDesignation input, LetterUpload letter) {
        TenantId id = access.requireInTenant(actor, Action.DESIGNATE, slug);
        Tenant tenant = tenants.findBySlug(slug).orElseThrow(() -> new NotFoundException("tenant " + slug));
        Validator validator = new Validator();
        validate("", input, letter, false, validator);
        validator.check();
        return designateIn(actor, tenant, input, Role.fromDb(input.role().trim()), letter);
    }

    /**
     * Kominfo creates a tenant and designates its first admin in one transaction: both exist afterwards or
     * neither. Errors name the tenant's fields ({@code slug}, {@code name}, …) and the designation's.
     */
    @Transactional
    public DesignationResult provisionTenant(Actor actor, NewTenant tenantInput, NewDesignation admin, LetterUpload letter) {
        access.require(actor, Action.CREATE_TENANT);
        Validator validator = new Validator();
        tenants.validateNew(tenantInput, validator);
        validate("", admin, letter, true, validator);
        validator.check();
        Tenant tenant = tenants.createWithoutAdmin(actor, tenantInput);
        return designateIn(actor, tenant, admin, Role.TENANT_ADMIN, letter);
    }

    /**
     * Adds the problems of a designation to {@code validator}, field names prefixed. With {@code roleFixed}
     * (a tenant's first admin) the role field is not read.
     */
    @ReadOnly
    public void validate(String prefix, NewDesignation input, LetterUpload letter, boolean roleFixed, Validator validator) {
        Optional<Delivery> delivery = Delivery.parse(input.delivery());
        if (delivery.isEmpty()) {
            validator.add(FieldError.of(prefix + "delivery", "validation.designation.delivery"));
        }
        credentials.validateNewPerson(prefix, new NewPerson(input.username(), input.displayName(), input.email()),
                delivery.orElse(Delivery.PRINT) == Delivery.EMAIL, validator);
        if (!roleFixed && parseRole(input.role()).isEmpty()) {
            validator.add(FieldError.of(prefix + "role", "validation.designation.role"));
        }
        validator.require(prefix + "letterNumber", input.letterNumber(), 100);
        Optional<LocalDate> letterDate = date(prefix + "letterDate", input.letterDate(), true, validator);
        letterDate.filter(d -> d.isAfter(today())).ifPresent(d ->
                validator.add(FieldError.of(prefix + "letterDate", "validation.designation.letter_date_future")));
        validator.require(prefix + "signerName", input.signerName(), 200);
        validator.require(prefix + "signerTitle", input.signerTitle(), 200);
        Optional<LocalDate> from = date(prefix + "validFrom", input.validFrom(), false, validator);
        Optional<LocalDate> until = date(prefix + "validUntil", input.validUntil(), false, validator);
        LocalDate start = from.or(() -> letterDate).orElse(null);
        if (start != null && until.isPresent() && until.get().isBefore(start)) {
            validator.add(FieldError.of(prefix + "validUntil", "validation.designation.until_before_from"));
        }
        if (letter.present()) {
            if (letter.content().length > MAX_LETTER_BYTES) {
                validator.add(FieldError.of(prefix + "letter", "validation.designation.letter_too_big", MAX_LETTER_BYTES / (1024 * 1024)));
            } else if (!isPdf(letter.content())) {
                validator.add(FieldError.of(prefix + "letter", "validation.designation.letter_not_pdf"));
            }
        }
    }

    /** Issues a new activation link for the designated person; earlier links stop working at once. */
    @Transactional
    public ActivationLink reissue(Actor actor, String slug, long designationId, String deliveryValue) {
        TenantId id = access.requireInTenant(actor, Action.DESIGNATE, slug);
        Designation designation = designations.find(id, designationId)
                .orElseThrow(() -> new NotFoundException("designation " + designationId));
        if (!designation.active()) {
            throw new InvalidInputException(FieldError.of("designation", "validation.designation.not_active"));
        }
        Delivery delivery = Delivery.parse(deliveryValue)
                .orElseThrow(() -> new InvalidInputException(FieldError.of("delivery", "validation.designation.delivery")));
        Tenant tenant = tenants.findBySlug(slug).orElseThrow();
        audit.record(actor, id, "designation.reissue", "designation", String.valueOf(designationId),
                Map.of("user", designation.username(), "delivery", delivery.dbValue()));
        return credentials.issueActivation(actor, id, tenant.name(), designation.userId(), delivery);
    }

    /**
     * Revokes a designation with a reason: the person loses the role (unless another designation in force
     * gives it), every session of theirs ends at once and their open links stop working.
     */
    @Transactional
    public void revoke(Actor actor, String slug, long designationId, String reason) {
        TenantId id = access.requireInTenant(actor, Action.DESIGNATE, slug);
        Designation designation = designations.find(id, designationId)
                .orElseThrow(() -> new NotFoundException("designation " + designationId));
        new Validator().require("reason", reason, 500).check();
        if (designation.userId().equals(actor.userId())) {
            // Revoking oneself would lock the last admin out; another admin or Kominfo does it.
            throw new InvalidInputException(FieldError.of("designation", "validation.designation.not_self"));
        }
        if (!end(actor, id, designation, reason.strip(), "designation.revoke")) {
            throw new InvalidInputException(FieldError.of("designation", "validation.designation.not_active"));
        }
    }

    /**
     * Ends every designation whose validity ("valid until") has passed, exactly as a revocation would: the role
     * goes, sessions end, links stop working. Run by the console node's scheduler; returns how many ended.
     */
    @Transactional
    public int expireEnded(Actor system) {
        int ended = 0;
        for (var entry : designations.endedBefore(today())) {
            // Another node may have ended it a moment ago: then it is simply skipped.
            if (end(system, entry.getKey(), entry.getValue(), "masa berlaku berakhir " + entry.getValue().validUntil(),
                    "designation.expire")) {
                ended++;
            }
        }
        return ended;
    }

    private boolean end(Actor actor, TenantId id, Designation designation, String reason, String auditAction) {
        if (!designations.revoke(id, designation.id(), reason, actor, OffsetDateTime.now(clock))) {
            return false;
        }
        boolean roleRemoved = !designations.otherActive(id, designation.userId(), designation.role(), designation.id())
                && accounts.removeMembership(designation.userId(), id, designation.role());
        int sessions = accounts.endAllSessions(designation.userId());
        int links = credentials.revokeLinks(designation.userId());
        audit.record(actor, id, auditAction, "designation", String.valueOf(designation.id()),
                Map.of("user", designation.username(), "role", designation.role().dbValue(), "reason", reason,
                        "role_removed", String.valueOf(roleRemoved), "sessions_ended", String.valueOf(sessions),
                        "links_revoked", String.valueOf(links)));
        return true;
    }

    /** The tenant's designations, newest first. */
    @ReadOnly
    public List<Designation> history(Actor actor, String slug) {
        TenantId id = access.requireInTenant(actor, Action.VIEW_DESIGNATIONS, slug);
        return designations.history(id);
    }

    /** The scanned letter of a designation. */
    @ReadOnly
    public Letter letter(Actor actor, String slug, long designationId) {
        TenantId id = access.requireInTenant(actor, Action.VIEW_DESIGNATIONS, slug);
        return designations.letter(id, designationId).orElseThrow(() -> new NotFoundException("letter " + designationId));
    }

    /** Today in the portal's zone (letter dates are calendar dates there). */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** A date as people type it: 2026-11-21, 21/11/2026, 21-11-2026 or 21.11.2026; empty if not one of those. */
    public static Optional<LocalDate> parseDate(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return Optional.of(LocalDate.parse(value.trim(), format));
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return Optional.empty();
    }

    // Strict: 31/02/2026 is refused, not quietly read as 28 February.
    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(java.time.format.ResolverStyle.STRICT);
    }

    static boolean isPdf(byte[] content) {
        byte[] magic = "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private DesignationResult designateIn(Actor actor, Tenant tenant, NewDesignation input, Role role, LetterUpload letter) {
        Delivery delivery = Delivery.parse(input.delivery()).orElseThrow();
        LocalDate letterDate = parseDate(input.letterDate()).orElseThrow();
        LocalDate validFrom = parseDate(input.validFrom()).orElse(letterDate);
        LocalDate validUntil = parseDate(input.validUntil()).orElse(null);
        ActivationLink link = credentials.invite(actor, tenant.id(), tenant.name(),
                new NewPerson(input.username(), input.displayName(), input.email()), role, delivery);
        long designationId = designations.insert(tenant.id(), link.userId(), role, input.letterNumber().trim(), letterDate,
                input.signerName().trim(), input.signerTitle().trim(), validFrom, validUntil, delivery, actor);
        if (letter.present()) {
            designations.insertLetter(tenant.id(), designationId, safeFileName(letter.fileName()), letter.content());
        }
        audit.record(actor, tenant.id(), "designation.create", "designation", String.valueOf(designationId),
                Map.of("user", link.username(), "role", role.dbValue(), "letter_number", input.letterNumber().trim(),
                        "letter_date", letterDate.toString(), "delivery", delivery.dbValue(),
                        "letter_scan", String.valueOf(letter.present())));
        return new DesignationResult(designationId, tenant, input.displayName().trim(), role.messageKey(),
                input.letterNumber().trim(), link);
    }

    private Optional<LocalDate> date(String field, String value, boolean required, Validator validator) {
        if (value == null || value.isBlank()) {
            if (required) {
                validator.add(FieldError.of(field, "validation.required"));
            }
            return Optional.empty();
        }
        Optional<LocalDate> date = parseDate(value);
        if (date.isEmpty()) {
            validator.add(FieldError.of(field, "validation.designation.date_format"));
        }
        return date;
    }

    private static Optional<Role> parseRole(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return ROLES.stream().filter(r -> r.dbValue().equals(v)).findFirst();
    }

    private static String safeFileName(String name) {
        String base = name == null || name.isBlank() ? "surat.pdf" : name.replaceAll("[^\\p{L}\\p{N}._ -]", "_");
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }
}
