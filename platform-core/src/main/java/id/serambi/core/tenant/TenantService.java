package id.serambi.core.tenant;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.exception.IntegrityConstraintViolationException;

import id.serambi.core.access.Access;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.audit.AuditService;
import id.serambi.core.cache.CacheGenerations;
import id.serambi.core.i18n.MessageKey;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.support.NotFoundException;
import id.serambi.core.support.Validator;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** Tenants: the agencies' sites. Creating one is a platform admin's act and is audited. */
@Singleton
public class TenantService {
    private final TenantRepository tenants;
    private final AccountService accounts;
    private final AuditService audit;
    private final Access access;
    private final CacheGenerations cache;

    TenantService(TenantRepository tenants, AccountService accounts, AuditService audit, Access access,
                  CacheGenerations cache) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.audit = audit;
        this.access = access;
        this.cache = cache;
    }

    /**
     * Creates an active tenant and its first admin account in one transaction: either both exist afterwards or
     * neither does. Field names in errors are {@code slug}, {@code name}, {@code kind}, {@code description}
     * and, for the admin, {@code admin.username}, {@code admin.displayName}, {@code admin.email},
     * {@code admin.password}.
     */
    @Transactional
    public Tenant createWithFirstAdmin(Actor actor, NewTenant input, NewAccount admin) {
        access.require(actor, Action.CREATE_TENANT);
        Validator validator = new Validator();
        validateNew(input, validator);
        accounts.validateNewAccount("admin.", admin, validator,
                java.util.Arrays.asList(input.slug() == null ? null : input.slug().trim(), input.name()));
        validator.check();
        Tenant tenant = insert(actor, input);
        accounts.createMember(actor, tenant.id(), admin, Role.TENANT_ADMIN);
        return tenant;
    }

    /**
     * Adds every problem of a new tenant's fields ({@code slug}, {@code name}, {@code kind},
     * {@code description}) to {@code validator}, for forms that create a tenant together with something else.
     */
    @ReadOnly
    public void validateNew(NewTenant input, Validator validator) {
        String slug = input.slug() == null ? null : input.slug().trim();
        SlugRules.checkTenantSlug("slug", slug).ifPresent(validator::add);
        validator.require("name", input.name(), 200);
        validator.maxLength("description", input.description(), 2000);
        if (!blank(input.kind()) && TenantKind.parse(input.kind()).isEmpty()) {
            validator.add(FieldError.of("kind", "validation.kind.unknown"));
        }
        if (!validator.hasErrorFor("slug") && tenants.slugExists(slug)) {
            validator.add(FieldError.of("slug", "validation.slug.taken"));
        }
    }

    /**
     * Creates an active tenant with no one in it yet: the caller gives it its first admin in the same
     * transaction (see DesignationService#provisionTenant). The input has passed {@link #validateNew}.
     */
    @Transactional
    public Tenant createWithoutAdmin(Actor actor, NewTenant input) {
        access.require(actor, Action.CREATE_TENANT);
        Validator validator = new Validator();
        validateNew(input, validator);
        validator.check();
        return insert(actor, input);
    }

    private Tenant insert(Actor actor, NewTenant input) {
        TenantKind kind = blank(input.kind()) ? TenantKind.DINAS : TenantKind.parse(input.kind()).orElseThrow();
        Tenant tenant;
        try {
            tenant = tenants.insert(input.slug().trim(), input.name().trim(), kind, blankToNull(input.description()));
        } catch (IntegrityConstraintViolationException raced) {
            throw new InvalidInputException(FieldError.of("slug", "validation.slug.taken"));
        }
        audit.record(actor, tenant.id(), "tenant.create", "tenant", tenant.slug(),
                Map.of("name", tenant.name(), "kind", tenant.kind().dbValue()));
        // A new site: a cached "not found" for its address, and the district's list of agencies, are stale.
        cache.bump(tenant.id());
        return tenant;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * Moves a tenant along its life ({@link TenantStatus#next()}), with the reason required and recorded.
     * Suspending ends at once the sessions of everyone whose work is only in this tenant, and until it is
     * active again they cannot sign in; the public site shows a maintenance notice.
     */
    @Transactional
    public Tenant changeStatus(Actor actor, String slug, String target, String reason) {
        TenantId id = access.requireInTenant(actor, Action.CHANGE_TENANT_STATUS, slug);
        Tenant tenant = tenants.findById(id).orElseThrow(() -> new NotFoundException("tenant " + slug));
        Validator validator = new Validator().require("reason", reason, 500);
        TenantStatus to = target == null ? null : java.util.Arrays.stream(TenantStatus.values())
                .filter(s -> s.dbValue().equals(target)).findFirst().orElse(null);
        if (to == null) {
            validator.add(FieldError.of("status", "validation.tenant.status_unknown"));
        } else if (!tenant.status().next().contains(to)) {
            validator.add(FieldError.of("status", "validation.tenant.status_not_allowed",
                    new MessageKey(tenant.status().messageKey()), new MessageKey(to.messageKey())));
        }
        validator.check();
        if (!tenants.changeStatus(id, tenant.status(), to)) {
            throw new InvalidInputException(FieldError.of("status", "validation.tenant.changed_meanwhile"));
        }
        audit.record(actor, id, "tenant.status", "tenant", slug,
                Map.of("from", tenant.status().dbValue(), "to", to.dbValue(), "reason", reason.strip()));
        if (to == TenantStatus.SUSPENDED || to == TenantStatus.ARCHIVED) {
            int ended = accounts.endSessionsOnlyIn(id);
            audit.record(actor, id, "tenant.sessions_ended", "tenant", slug, Map.of("sessions", String.valueOf(ended)));
        }
        cache.bump(id);
        return tenants.findById(id).orElseThrow();
    }

    /**
     * Requires (or no longer requires) two-step sign-in of this agency's team; it takes effect at each
     * person's next sign-in. Kominfo's admins and the agency's own admin may set it.
     */
    @Transactional
    public Tenant setRequireSecondFactor(Actor actor, String slug, boolean required) {
        TenantId id = access.requireInTenant(actor, Action.SET_TENANT_SECURITY, slug);
        tenants.setRequireSecondFactor(id, required);
        audit.record(actor, id, "tenant.require_second_factor", "tenant", slug, Map.of("required", String.valueOf(required)));
        return tenants.findById(id).orElseThrow();
    }

    /** The tenant with this slug, for someone allowed to see it. */
    @ReadOnly
    public Tenant get(Actor actor, String slug) {
        TenantId id = access.requireInTenant(actor, Action.VIEW_TENANT, slug);
        return tenants.findById(id).orElseThrow(() -> new NotFoundException("tenant " + slug));
    }

    @ReadOnly
    public List<Tenant> list(Actor actor) {
        access.require(actor, Action.LIST_TENANTS);
        return tenants.listAll();
    }

    /** Lookup without an actor, for system jobs (demo data, schedulers). */
    @ReadOnly
    public Optional<Tenant> findBySlug(String slug) {
        return tenants.findBySlug(slug);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
