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

/**
 * The browser's session cookie: HttpOnly, SameSite=Lax, never readable by script. Over HTTPS it is Secure and
 * named with the {@code __Host-} prefix, which the browser only accepts from this exact host over HTTPS with
 * Path=/, so a sibling subdomain or a network attacker cannot plant a session of their own in it.
 */
@Singleton
@AdminApp
public class SessionCookie {
    public static final String NAME = "serambi_session";
    public static final String HTTPS_NAME = "__Host-" + NAME;

    private final boolean https;
    private final SessionService sessions;

    SessionCookie(@Value("${serambi.https:false}") boolean https, SessionService sessions) {
        this.https = https;
        this.sessions = sessions;
    }

    public Cookie create(HttpRequest<?> request, String token) {
        return base(request, token).maxAge(sessions.lifetime());
    }

    public Cookie expired(HttpRequest<?> request) {
        return base(request, "").maxAge(Duration.ZERO);
    }

    /**
     * The session token from the cookie. Over HTTPS only the prefixed cookie counts, so a plain cookie planted
     * by someone else is never taken for a session.
     */
    public static Optional<String> read(HttpRequest<?> request) {
        Optional<Cookie> cookie = request.getCookies().findCookie(HTTPS_NAME);
        if (cookie.isEmpty() && !Https.of(request)) {
            cookie = request.getCookies().findCookie(NAME);
        }
        return cookie.map(Cookie::getValue).filter(v -> !v.isEmpty());
    }

    private Cookie base(HttpRequest<?> request, String value) {
        boolean secure = https || Https.of(request);
        return Cookie.of(secure ? HTTPS_NAME : NAME, value).path("/").httpOnly(true).sameSite(SameSite.Lax).secure(secure);
    }
}
