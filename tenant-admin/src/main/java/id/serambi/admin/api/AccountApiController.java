package id.serambi.admin.api;

import id.serambi.admin.AdminApp;
import id.serambi.admin.security.SignedIn;
import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import id.serambi.admin.security.OwnAccount;

/** The signed-in person's own account through the API. */
@Controller("/api/v1/account")
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class AccountApiController {
    private final AccountService accounts;

    AccountApiController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Serdeable
    record PasswordChange(@Nullable String current, @Nullable String password, @Nullable String confirmation) {
        @Override
        public String toString() {
            return "PasswordChange[…]";
        }
    }

    /** Replaces the password; this token stays valid, every other session ends. */
    @OwnAccount
    @Post("/password")
    HttpResponse<?> changePassword(HttpRequest<?> request, Actor actor, @Body PasswordChange body) {
        accounts.changePassword(actor, SignedIn.token(request).orElse(null), body.current(), body.password(),
                body.confirmation());
        return HttpResponse.noContent();
    }
}
