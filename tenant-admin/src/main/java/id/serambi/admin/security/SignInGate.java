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
 * Signing in is finished only when the second factor is passed and an initial password (chosen by someone
 * else) is replaced. Until then console pages lead to the step that is missing, and API calls are refused
 * with the reason.
 */
@ServerFilter({"/admin/**", "/api/**"})
@AdminApp
class SignInGate implements Ordered {
    static final String SECOND_FACTOR = "/admin/2fa";
    static final String PASSWORD_FORM = "/admin/kata-sandi";
    private static final List<String> OPEN_WHILE_SIGNING_IN = List.of("/admin/logout", "/admin/login",
            "/admin/bantuan", "/admin/assets/", "/api/v1/sessions", "/admin/aktivasi/", "/admin/lupa-sandi",
            "/admin/atur-ulang/");

    private final ErrorResponses errors;

    SignInGate(ErrorResponses errors) {
        this.errors = errors;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> gate(HttpRequest<?> request) {
        String path = request.getPath();
        var actor = SignedIn.actor(request);
        if (actor.isEmpty() || OPEN_WHILE_SIGNING_IN.stream().anyMatch(path::startsWith)) {
            return null;
        }
        if (actor.get().secondFactorPending()) {
            return path.startsWith(SECOND_FACTOR) ? null : missingStep(request, SECOND_FACTOR, "second_factor.required_api");
        }
        if (actor.get().mustChangePassword()) {
            return path.startsWith(PASSWORD_FORM) || path.equals("/api/v1/account/password") ? null
                    : missingStep(request, PASSWORD_FORM, "password.change_required_api");
        }
        return null;
    }

    private HttpResponse<?> missingStep(HttpRequest<?> request, String page, String apiMessageKey) {
        if (ErrorResponses.isApi(request)) {
            return errors.respond(request, HttpStatus.FORBIDDEN, apiMessageKey, List.of());
        }
        return HttpResponse.seeOther(URI.create(page));
    }

    // After the security filter has found who is signed in.
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
