package id.serambi.admin.security;

import java.time.Duration;
import java.util.Optional;

import id.serambi.admin.AdminApp;
import id.serambi.core.account.SessionService;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;

/** The browser's session cookie: HttpOnly, SameSite=Lax, Secure behind HTTPS, never readable by script. */
@Singleton
@AdminApp
public class SessionCookie {
    public static final String NAME = "serambi_session";

    private final boolean secure;
    private final SessionService sessions;

    SessionCookie(@Value("${serambi.cookies.secure:false}") boolean secure, SessionService sessions) {
        this.secure = secure;
        this.sessions = sessions;
    }

    public Cookie create(String token) {
        return base(token).maxAge(sessions.lifetime());
    }

    public Cookie expired() {
        return base("").maxAge(Duration.ZERO);
    }

    public static Optional<String> read(HttpRequest<?> request) {
        return request.getCookies().findCookie(NAME).map(Cookie::getValue).filter(v -> !v.isEmpty());
    }

    private Cookie base(String value) {
        return Cookie.of(NAME, value).path("/").httpOnly(true).sameSite(SameSite.Lax).secure(secure);
    }
}
