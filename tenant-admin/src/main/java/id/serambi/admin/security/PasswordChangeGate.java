package id.serambi.admin.security;

import java.net.URI;
import java.util.List;

import id.serambi.admin.AdminApp;
import id.serambi.admin.api.ErrorResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Someone signed in with a password another person chose (an initial password) must replace it before doing
 * anything else: console pages send them to the password form, API calls are refused with the reason.
 */
@ServerFilter({"/admin/**", "/api/**"})
@AdminApp
class PasswordChangeGate implements Ordered {
    static final String FORM = "/admin/kata-sandi";
    private static final List<String> ALWAYS_OPEN = List.of(FORM, "/admin/logout", "/admin/login", "/admin/bantuan",
            "/admin/assets/", "/api/v1/account/password", "/api/v1/sessions");

    private final ErrorResponses errors;

    PasswordChangeGate(ErrorResponses errors) {
        this.errors = errors;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> gate(HttpRequest<?> request) {
        String path = request.getPath();
        if (ALWAYS_OPEN.stream().anyMatch(path::startsWith)
                || SignedIn.actor(request).filter(a -> a.mustChangePassword()).isEmpty()) {
            return null;
        }
        if (ErrorResponses.isApi(request)) {
            return errors.respond(request, HttpStatus.FORBIDDEN, "password.change_required_api", List.of());
        }
        return HttpResponse.seeOther(URI.create(FORM));
    }

    // After the security filter has found who is signed in.
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
