package id.serambi.core.tenant;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jooq.exception.IntegrityConstraintViolationException;

import id.serambi.core.access.Access;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.audit.AuditService;
import id.serambi.core.cache.CacheGenerations;
import id.serambi.core.quota.QuotaService;
import id.serambi.core.quota.QuotaWeek;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.support.NotFoundException;
import id.serambi.core.support.Validator;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Kominfo's side of running tenants: the searchable list with this week's quota, and editing a tenant's
 * profile, host names and logo. Every change is audited with the values before and after; changes readers
 * can see bump the tenant's cache generation so the portal drops its copies.
 */
@Singleton
public class TenantProvisioningService {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private final TenantProfileRepository profiles;
    private final Access access;
    private final AuditService audit;
    private final CacheGenerations cache;
    private final QuotaService quota;

    TenantProvisioningService(TenantProfileRepository profiles, Access access, AuditService audit,
                              CacheGenerations cache, QuotaService quota) {
        this.profiles = profiles;
        this.access = access;
        this.audit = audit;
        this.cache = cache;
        this.quota = quota;
    }

    /** One page of the tenants list for Kominfo's roles. */
    @ReadOnly
    public TenantListPage search(Actor actor, TenantListQuery query) {
        access.require(actor, Action.LIST_TENANTS);
        QuotaWeek week = quota.currentWeek();
        return profiles.list(query, week, quota.countsIn(week));
    }

    /** The tenant's full profile, for someone who may see the tenant. */
    @ReadOnly
    public TenantProfile profile(Actor actor, String slug) {
        TenantId id = access.requireInTenant(actor, Action.VIEW_TENANT, slug);
        return profiles.profile(id).orElseThrow(() -> new NotFoundException("tenant " + slug));
    }

    /** The profile for its edit form: Kominfo's admins only. */
    @ReadOnly
    public TenantProfile profileForEdit(Actor actor, String slug) {
        TenantId id = access.requireInTenant(actor, Action.EDIT_TENANT, slug);
        return profiles.profile(id).orElseThrow(() -> new NotFoundException("tenant " + slug));
    }

    /** The tenant's logo as stored, for someone who may see the tenant. */
    @ReadOnly
    public java.util.Optional<TenantLogo> logo(Actor actor, String slug) {
        TenantId id = access.requireInTenant(actor, Action.VIEW_TENANT, slug);
        return profiles.logo(id);
    }

    /**
     * Replaces the tenant's editable settings. Field names in errors are those of {@link TenantEdit}
     * ({@code name}, {@code kind}, {@code description}, {@code contactAddress}, {@code contactPhone},
     * {@code contactEmail}, {@code officeHours}, {@code quotaMinPerWeek}, {@code portalModeration}).
     */
    @Transactional
    public TenantProfile edit(Actor actor, String slug, TenantEdit edit) {
        TenantId id = access.requireInTenant(actor, Action.EDIT_TENANT, slug);
        profiles.lock(id);
        TenantProfile before = profiles.profile(id).orElseThrow(() -> new NotFoundException("tenant " + slug));

        Validator validator = new Validator();
        validator.require("name", edit.name(), 200);
        validator.maxLength("description", edit.description(), 2000);
        validator.maxLength("contactAddress", edit.contactAddress(), 500);
        validator.maxLength("contactPhone", edit.contactPhone(), 50);
        validator.maxLength("officeHours", edit.officeHours(), 500);
        String email = blankToNull(edit.contactEmail());
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            validator.add(FieldError.of("contactEmail", "validation.email.format"));
        }
        String phone = blankToNull(edit.contactPhone());
        if (phone != null && !phone.matches("[0-9+()\\-. /]{4,50}")) {
            validator.add(FieldError.of("contactPhone", "validation.phone.format"));
        }
        TenantKind kind = TenantKind.parse(blankToNull(edit.kind())).orElse(null);
        if (kind == null) {
            validator.add(FieldError.of("kind", "validation.kind.unknown"));
        }
        PortalModeration moderation = PortalModeration.parse(blankToNull(edit.portalModeration())).orElse(null);
        if (moderation == null) {
            validator.add(FieldError.of("portalModeration", "validation.moderation.unknown"));
        }
        Integer quotaMin = null;
        String quotaText = blankToNull(edit.quotaMinPerWeek());
        if (quotaText == null) {
            validator.add(FieldError.of("quotaMinPerWeek", "validation.required"));
        } else {
            try {
                quotaMin = Integer.parseInt(quotaText);
            } catch (NumberFormatException notANumber) {
                quotaMin = -1;
            }
            if (quotaMin < 0 || quotaMin > 50) {
                validator.add(FieldError.of("quotaMinPerWeek", "validation.quota.range", 0, 50));
            }
        }
        validator.check();

        String name = edit.name().strip();
        String description = blankToNull(edit.description());
        String address = blankToNull(edit.contactAddress());
        String hours = blankToNull(edit.officeHours());
        profiles.update(id, name, kind, description, address, phone, email, hours, quotaMin, moderation,
                edit.platformMayEdit());

        Map<String, String> changes = new LinkedHashMap<>();
        Tenant t = before.tenant();
        boolean publicChange = diff(changes, "name", t.name(), name)
                | diff(changes, "kind", t.kind().dbValue(), kind.dbValue())
                | diff(changes, "description", t.description(), description)
                | diff(changes, "contact_address", before.contactAddress(), address)
                | diff(changes, "contact_phone", before.contactPhone(), phone)
                | diff(changes, "contact_email", before.contactEmail(), email)
                | diff(changes, "office_hours", before.officeHours(), hours);
        diff(changes, "quota_min_per_week", String.valueOf(t.quotaMinPerWeek()), String.valueOf(quotaMin));
        diff(changes, "portal_moderation", before.portalModeration().dbValue(), moderation.dbValue());
        diff(changes, "platform_may_edit", String.valueOf(before.platformMayEdit()), String.valueOf(edit.platformMayEdit()));
        if (!changes.isEmpty()) {
            audit.record(actor, id, "tenant.edit", "tenant", slug, changes);
        }
        if (publicChange) {
            cache.bump(id);
        }
        return profiles.profile(id).orElseThrow();
    }

    /** Adds a host name the site answers at; one host serves one tenant across the whole platform. */
    @Transactional
    public TenantProfile addHost(Actor actor, String slug, String rawHost) {
        TenantId id = access.requireInTenant(actor, Action.EDIT_TENANT, slug);
        String host = HostNames.normalise(rawHost);
        HostNames.check("host", host).ifPresent(e -> {
            throw new InvalidInputException(e);
        });
        var owner = profiles.hostOwner(host);
        if (owner.isPresent()) {
            throw new InvalidInputException(owner.get().equals(slug)
                    ? FieldError.of("host", "validation.host.already_here")
                    : FieldError.of("host", "validation.host.taken", owner.get()));
        }
        try {
            profiles.addHost(id, host);
        } catch (IntegrityConstraintViolationException raced) {
            throw new InvalidInputException(FieldError.of("host", "validation.host.taken", "?"));
        }
        audit.record(actor, id, "tenant.host_add", "tenant", slug, Map.of("host", host));
        cache.bump(id);
        return profiles.profile(id).orElseThrow();
    }

    @Transactional
    public TenantProfile removeHost(Actor actor, String slug, String rawHost) {
        TenantId id = access.requireInTenant(actor, Action.EDIT_TENANT, slug);
        String host = HostNames.normalise(rawHost);
        if (host == null || !profiles.removeHost(id, host)) {
            throw new NotFoundException("host " + rawHost);
        }
        audit.record(actor, id, "tenant.host_remove", "tenant", slug, Map.of("host", host));
        cache.bump(id);
        return profiles.profile(id).orElseThrow();
    }

    /** Stores the tenant's logo: PNG, JPEG or WebP as its bytes show, at most {@link LogoImages#MAX_BYTES}. */
    @Transactional
    public TenantProfile uploadLogo(Actor actor, String slug, byte[] image) {
        TenantId id = access.requireInTenant(actor, Action.EDIT_TENANT, slug);
        if (image == null || image.length == 0) {
            throw new InvalidInputException(FieldError.of("logo", "validation.required"));
        }
        if (image.length > LogoImages.MAX_BYTES) {
            throw new InvalidInputException(FieldError.of("logo", "validation.logo.too_big", LogoImages.MAX_BYTES / 1024));
        }
        String type = LogoImages.detectType(image)
                .orElseThrow(() -> new InvalidInputException(FieldError.of("logo", "validation.logo.type")));
        profiles.saveLogo(id, new TenantLogo(type, image));
        audit.record(actor, id, "tenant.logo", "tenant", slug, Map.of("type", type, "bytes", String.valueOf(image.length)));
        cache.bump(id);
        return profiles.profile(id).orElseThrow();
    }

    @Transactional
    public TenantProfile removeLogo(Actor actor, String slug) {
        TenantId id = access.requireInTenant(actor, Action.EDIT_TENANT, slug);
        if (profiles.removeLogo(id)) {
            audit.record(actor, id, "tenant.logo_remove", "tenant", slug, Map.of());
            cache.bump(id);
        }
        return profiles.profile(id).orElseThrow();
    }

    /** Adds "field.before"/"field.after" when the value changed; true if it did. */
    private static boolean diff(Map<String, String> changes, String field, String before, String after) {
        if (Objects.equals(before, after)) {
            return false;
        }
        changes.put(field + ".before", before);
        changes.put(field + ".after", after);
        return true;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
