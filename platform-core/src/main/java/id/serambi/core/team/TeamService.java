package id.serambi.core.team;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import id.serambi.core.access.Access;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.account.Role;
import id.serambi.core.account.SessionService;
import id.serambi.core.audit.AuditService;
import id.serambi.core.support.AccessDeniedException;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.tenant.TenantId;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Who holds which role: an agency admin manages their own tenant's team (admin, editor, writer, complaint
 * officer, complaint official), Kominfo's admins manage the platform roles and may disable an account.
 * Taking a role away, or disabling, ends that person's sessions at once, so the change holds from their next
 * request. A tenant always keeps at least one active admin, and the platform at least one platform admin.
 *
 * <p>Only people who already have an account are granted roles here; creating an account for someone new
 * (with an activation link) belongs to the designation feature.
 */
@Singleton
public class TeamService {
    private final TeamRepository team;
    private final Access access;
    private final AuditService audit;
    private final SessionService sessions;

    TeamService(TeamRepository team, Access access, AuditService audit, SessionService sessions) {
        this.team = team;
        this.access = access;
        this.audit = audit;
        this.sessions = sessions;
    }

    /** The roles an agency's team can hold, in the order forms offer them. */
    public static List<Role> tenantRoles() {
        return List.of(Role.TENANT_ADMIN, Role.EDITOR, Role.WRITER, Role.COMPLAINT_OFFICER, Role.COMPLAINT_OFFICIAL);
    }

    public static List<Role> platformRoles() {
        return List.of(Role.PLATFORM_ADMIN, Role.PLATFORM_STAFF, Role.COORDINATOR);
    }

    @ReadOnly
    public List<TeamMember> team(Actor actor, String slug) {
        TenantId tenant = access.requireInTenant(actor, Action.VIEW_TEAM, slug);
        return team.members(tenant);
    }

    /** Gives an existing account a role in the tenant. Errors name the fields {@code username} and {@code role}. */
    @Transactional
    public void grant(Actor actor, String slug, String username, String role) {
        TenantId tenant = writableTeam(actor, slug);
        grantIn(actor, tenant, slug, username, parseRole(role, false));
    }

    /** Takes a role in the tenant away from someone; their sessions end. */
    @Transactional
    public void revoke(Actor actor, String slug, String username, String role) {
        TenantId tenant = writableTeam(actor, slug);
        revokeIn(actor, tenant, slug, username, parseRole(role, false), "team.revoke");
    }

    /** Replaces one of someone's roles in the tenant by another, in one step; their sessions end. */
    @Transactional
    public void change(Actor actor, String slug, String username, String from, String to) {
        TenantId tenant = writableTeam(actor, slug);
        Role fromRole = parseRole(from, false);
        Role toRole = parseRole(to, false);
        if (fromRole == toRole) {
            throw new InvalidInputException(FieldError.of("role", "validation.team.same_role"));
        }
        TeamRepository.Person person = revokeIn(actor, tenant, slug, username, fromRole, "team.change");
        if (!team.holds(person.id(), tenant, toRole)) {
            team.add(person.id(), tenant, toRole);
        }
        audit.record(actor, tenant, "team.change", "app_user", person.username(),
                Map.of("role.before", fromRole.dbValue(), "role.after", toRole.dbValue()));
    }

    /** The tenant whose team may change: an archived tenant is read-only, its team included. */
    private TenantId writableTeam(Actor actor, String slug) {
        TenantId tenant = access.requireInTenant(actor, Action.MANAGE_TEAM, slug);
        team.lock(tenant);
        if (team.archived(tenant)) {
            throw new AccessDeniedException("access.tenant_read_only");
        }
        return tenant;
    }

    @ReadOnly
    public List<TeamMember> platformUsers(Actor actor) {
        access.require(actor, Action.VIEW_PLATFORM_USERS);
        return team.members(null);
    }

    @Transactional
    public void grantPlatform(Actor actor, String username, String role) {
        access.require(actor, Action.MANAGE_PLATFORM_USERS);
        team.lock(null);
        grantIn(actor, null, null, username, parseRole(role, true));
    }

    @Transactional
    public void revokePlatform(Actor actor, String username, String role) {
        access.require(actor, Action.MANAGE_PLATFORM_USERS);
        team.lock(null);
        revokeIn(actor, null, null, username, parseRole(role, true), "team.revoke");
    }

    /**
     * Disables (or enables again) an account: a disabled person cannot sign in, and their sessions end at
     * once. Nobody may disable themselves, nor the last active platform admin.
     */
    @Transactional
    public void setAccountActive(Actor actor, String username, boolean active, String reason) {
        access.require(actor, Action.DISABLE_ACCOUNT);
        team.lock(null);
        TeamRepository.Person person = person(username);
        if (!active) {
            new id.serambi.core.support.Validator().require("reason", reason, 500).check();
            if (person.id().equals(actor.userId())) {
                throw new InvalidInputException(FieldError.of("username", "validation.team.not_yourself"));
            }
            if (person.active() && team.holds(person.id(), null, Role.PLATFORM_ADMIN)
                    && team.activeHolders(null, Role.PLATFORM_ADMIN) <= 1) {
                throw new InvalidInputException(FieldError.of("username", "validation.team.last_platform_admin"));
            }
        }
        if (person.active() == active) {
            return;
        }
        team.setActive(person.id(), active);
        int ended = active ? 0 : sessions.endAllOf(person.id());
        audit.record(actor, null, active ? "account.enable" : "account.disable", "app_user", person.username(),
                active ? Map.of() : Map.of("reason", reason.strip(), "sessions_ended", String.valueOf(ended)));
    }

    private void grantIn(Actor actor, TenantId tenant, String slug, String username, Role role) {
        TeamRepository.Person person = person(username);
        if (!person.active()) {
            throw new InvalidInputException(FieldError.of("username", "validation.team.account_disabled"));
        }
        if (team.holds(person.id(), tenant, role)) {
            throw new InvalidInputException(FieldError.of("role", "validation.team.already_holds"));
        }
        team.add(person.id(), tenant, role);
        audit.record(actor, tenant, "team.grant", "app_user", person.username(), Map.of("role", role.dbValue()));
    }

    private TeamRepository.Person revokeIn(Actor actor, TenantId tenant, String slug, String username, Role role,
                                           String auditAction) {
        TeamRepository.Person person = person(username);
        if (!team.holds(person.id(), tenant, role)) {
            throw new InvalidInputException(FieldError.of("role", "validation.team.not_held"));
        }
        Role guarded = tenant == null ? Role.PLATFORM_ADMIN : Role.TENANT_ADMIN;
        if (role == guarded && person.active() && team.activeHolders(tenant, guarded) <= 1) {
            throw new InvalidInputException(FieldError.of("role",
                    tenant == null ? "validation.team.last_platform_admin" : "validation.team.last_admin"));
        }
        team.remove(person.id(), tenant, role);
        int ended = sessions.endAllOf(person.id());
        if (auditAction.equals("team.revoke")) {
            audit.record(actor, tenant, "team.revoke", "app_user", person.username(),
                    Map.of("role", role.dbValue(), "sessions_ended", String.valueOf(ended)));
        }
        return person;
    }

    private TeamRepository.Person person(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            throw new InvalidInputException(FieldError.of("username", "validation.required"));
        }
        return team.person(name)
                .orElseThrow(() -> new InvalidInputException(FieldError.of("username", "validation.team.user_unknown")));
    }

    private static Role parseRole(String value, boolean platform) {
        List<Role> allowed = platform ? platformRoles() : tenantRoles();
        return allowed.stream().filter(r -> r.dbValue().equals(value == null ? "" : value.strip())).findFirst()
                .orElseThrow(() -> new InvalidInputException(FieldError.of("role", "validation.team.role_unknown")));
    }
}
