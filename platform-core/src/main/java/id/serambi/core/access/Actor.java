package id.serambi.core.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import id.serambi.core.account.Role;
import id.serambi.core.account.UserId;

/**
 * Who is acting and from where (and what they must still do to finish signing in: pass the second factor,
 * replace an initial password): a signed-in person with the roles they hold, or the system itself (the CLI,
 * schedulers, the demo seeder). Every audit entry names its actor.
 */
public record Actor(UserId userId, String username, String displayName, List<Grant> grants,
                    String clientIp, String userAgent, boolean mustChangePassword, boolean secondFactorPending) {

    public Actor {
        grants = List.copyOf(grants);
    }

    public Actor(UserId userId, String username, String displayName, List<Grant> grants, String clientIp,
                 String userAgent) {
        this(userId, username, displayName, grants, clientIp, userAgent, false, false);
    }

    public static Actor system(String label) {
        return new Actor(null, label, label, List.of(), null, null);
    }

    public boolean isSystem() {
        return userId == null;
    }

    public boolean hasPlatformRole(Set<Role> roles) {
        return grants.stream().anyMatch(g -> g.isPlatform() && roles.contains(g.role()));
    }

    public Set<Role> rolesIn(String tenantSlug) {
        return grants.stream().filter(g -> !g.isPlatform() && g.tenantSlug().equals(tenantSlug))
                .map(Grant::role).collect(Collectors.toSet());
    }

    public Optional<Grant> anyGrantIn(String tenantSlug) {
        return grants.stream().filter(g -> !g.isPlatform() && g.tenantSlug().equals(tenantSlug)).findFirst();
    }

    public boolean isPlatformUser() {
        return grants.stream().anyMatch(Grant::isPlatform);
    }

    /** The tenants this person works in, slug to name, in the order of their grants. */
    public Map<String, String> tenants() {
        Map<String, String> tenants = new LinkedHashMap<>();
        grants.stream().filter(g -> !g.isPlatform()).forEach(g -> tenants.putIfAbsent(g.tenantSlug(), g.tenantName()));
        return tenants;
    }
}
