package id.serambi.core.testing;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.LoginResult;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.account.SessionService;
import id.serambi.core.account.UserId;
import id.serambi.core.tenant.NewTenant;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantService;

/** Makes the people and tenants a scenario needs, through the real services. */
public final class Fixtures {
    public static final String PASSWORD = "kata-sandi-uji-yang-panjang";
    public static final Actor SYSTEM = Actor.system("test");

    private Fixtures() {
    }

    /** A tenant "slug" with an admin "admin-slug" whose password is {@link #PASSWORD}. */
    public static Tenant tenantWithAdmin(TenantService tenants, String slug, String name) {
        return tenants.createWithFirstAdmin(SYSTEM, new NewTenant(slug, name, "dinas", null),
                new NewAccount("admin-" + slug, "Admin " + name, null, PASSWORD));
    }

    /** The actor of {@code username} as a signed-in request would see them. */
    public static Actor signIn(AccountService accounts, SessionService sessions, String username) {
        var result = accounts.authenticate(username, PASSWORD, "127.0.0.1", "test");
        if (!(result instanceof LoginResult.SignedIn signedIn)) {
            throw new AssertionError("sign-in of " + username + " failed: " + result);
        }
        var account = signedIn.account();
        String token = sessions.open(account, "127.0.0.1", "test");
        return sessions.actorFor(token, "127.0.0.1", "test").orElseThrow();
    }

    public static UserId platformUser(AccountService accounts, String username, Role role) {
        return accounts.createMember(SYSTEM, null, new NewAccount(username, "Uji " + username, null, PASSWORD), role, false);
    }
}
