package id.serambi.admin.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import id.serambi.admin.AdminApp;
import id.serambi.admin.security.CspNonce;
import id.serambi.admin.security.SessionCookie;
import id.serambi.core.access.Actor;
import id.serambi.core.i18n.Messages;
import id.serambi.core.notify.NotificationService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Singleton;

/**
 * Renders console pages from the precompiled JTE templates (HTML-escaped by default) in the reader's
 * language: Indonesian unless they chose English (?lang=en, remembered in a cookie).
 */
@Singleton
@AdminApp
public class Pages {
    public static final String BUNDLE = "i18n.admin";
    private static final MediaType HTML = MediaType.of("text/html;charset=utf-8");

    private final TemplateEngine templates = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Pages.class.getClassLoader(), "id.serambi.admin.templates");
    private final ZoneId zone;
    private final NotificationService notifications;

    Pages(ZoneId zone, NotificationService notifications) {
        this.zone = zone;
        this.notifications = notifications;
    }

    public ConsoleView view(HttpRequest<?> request, Actor actor) {
        String csrf = SessionCookie.read(request).map(Pages::csrfTokenFor).orElse("");
        int unread = actor != null && actor.userId() != null ? notifications.unreadCount(actor.userId()) : 0;
        return new ConsoleView(messages(request), actor, csrf, zone, CspNonce.issue(request), unread);
    }

    public Messages messages(HttpRequest<?> request) {
        return Messages.of(locale(request), BUNDLE);
    }

    public MutableHttpResponse<String> render(HttpRequest<?> request, HttpStatus status, String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        templates.render(template, params, out);
        var response = HttpResponse.<String>status(status).contentType(HTML).body(out.toString());
        request.getParameters().getFirst("lang").filter(l -> l.equals("id") || l.equals("en"))
                .ifPresent(l -> response.cookie(Cookie.of(Messages.LANG_COOKIE, l).path("/").httpOnly(true).maxAge(31_536_000L)));
        return response;
    }

    public HttpResponse<String> page(HttpRequest<?> request, Actor actor, String template, Map<String, Object> params) {
        return render(request, HttpStatus.OK, template, withView(request, actor, params));
    }

    public Map<String, Object> withView(HttpRequest<?> request, Actor actor, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("view", view(request, actor));
        return all;
    }

    /** The answer to a form whose token is missing or stale (e.g. a page left open past sign-out). */
    public HttpResponse<String> csrfRefused(HttpRequest<?> request, Actor actor) {
        return error(request, actor, HttpStatus.FORBIDDEN, "error.csrf");
    }

    public MutableHttpResponse<String> error(HttpRequest<?> request, Actor actor, HttpStatus status, String messageKey) {
        return render(request, status, "error.jte", withView(request, actor,
                Map.of("status", status.getCode(), "message", messages(request).get(messageKey))));
    }

    /** The cookie that ties a form on a public page (no session yet: activation, reset) to this browser. */
    public static final String FORM_COOKIE = "serambi_form";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /**
     * Renders a public page (no one signed in) whose forms carry a token tied to this browser by the
     * {@link #FORM_COOKIE} (HttpOnly, SameSite=Strict), set here when missing: a double-submit guard that a
     * page on another site can neither read nor send along.
     */
    public MutableHttpResponse<String> publicPage(HttpRequest<?> request, HttpStatus status, String template,
                                                  Map<String, Object> params) {
        Optional<String> existing = formCookie(request);
        String secret = existing.orElseGet(() -> {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        });
        Map<String, Object> all = new HashMap<>(params);
        all.put("view", new ConsoleView(messages(request), null, digest("public-form:" + secret), zone, CspNonce.issue(request), 0));
        var response = render(request, status, template, all);
        if (existing.isEmpty()) {
            response.cookie(Cookie.of(FORM_COOKIE, secret).path("/admin").httpOnly(true)
                    .sameSite(io.micronaut.http.cookie.SameSite.Strict));
        }
        return response;
    }

    /** True when a public page's form token matches this browser's form cookie. */
    public static boolean publicCsrfValid(HttpRequest<?> request, String submitted) {
        Optional<String> expected = formCookie(request).map(secret -> digest("public-form:" + secret));
        return submitted != null && expected.isPresent()
                && MessageDigest.isEqual(expected.get().getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> formCookie(HttpRequest<?> request) {
        return request.getCookies().findCookie(FORM_COOKIE).map(Cookie::getValue).filter(v -> !v.isEmpty() && v.length() <= 100);
    }

    /** True when the form's token belongs to this browser's session. */
    public static boolean csrfValid(HttpRequest<?> request, String submitted) {
        Optional<String> expected = SessionCookie.read(request).map(Pages::csrfTokenFor);
        return submitted != null && expected.isPresent()
                && MessageDigest.isEqual(expected.get().getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8));
    }

    // Derived from the session token, which only this browser holds (HttpOnly cookie): no server state needed.
    public static String csrfTokenFor(String sessionToken) {
        return digest("csrf:" + sessionToken);
    }

    private static String digest(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Locale locale(HttpRequest<?> request) {
        return Messages.chosen(request.getParameters().getFirst("lang"),
                request.getCookies().findCookie(Messages.LANG_COOKIE).map(Cookie::getValue));
    }
}
