package id.serambi.core.team;

import java.time.OffsetDateTime;
import java.util.List;

import id.serambi.core.account.Role;
import id.serambi.core.account.UserId;

/** A person in a tenant's team (or among Kominfo's platform users) with the roles they hold there. */
public record TeamMember(UserId id, String username, String displayName, String email, boolean active,
                         List<Role> roles, OffsetDateTime lastLoginAt) {
    public boolean holds(Role role) {
        return roles.contains(role);
    }
}
