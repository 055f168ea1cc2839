package id.serambi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.Html;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Inject;

/**
 * Base of the console and API tests: a real server on a fresh database, and a client that returns error
 * responses instead of throwing and does not follow redirects, so tests see exactly what a browser gets.
 */
public abstract class AdminHttpTest extends DatabaseTest {
    @Inject
    @Client("/")
    protected HttpClient http;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.http.client.follow-redirects", "false");
    }

    /** What came back, error or not. */
    public record Reply(int code, String body, HttpHeaders headers, Optional<Cookie> sessionCookie) {
        public String header(String name) {
            return headers.get(name);
        }

        public Optional<String> contentType() {
            return headers.findFirst(HttpHeaders.CONTENT_TYPE);
        }
    }

    protected Reply send(MutableHttpRequest<?> request) {
        HttpResponse<?> response;
        String body;
        try {
            HttpResponse<String> ok = http.toBlocking().exchange(request, String.class);
            response = ok;
            body = ok.getBody().orElse("");
        } catch (HttpClientResponseException e) {
            response = e.getResponse();
            body = e.getResponse().getBody(String.class).orElse("");
        }
        return new Reply(response.code(), body, response.getHeaders(), response.getCookie("serambi_session"));
    }

    /** Signs in through the console's form as a person without two-step sign-in; returns the session token. */
    protected String consoleSignIn(String username) {
        Reply response = send(form("/admin/login", "username=" + username + "&password=" + Fixtures.PASSWORD));
        assertThat(response.code()).as("console sign-in of " + username).isEqualTo(303);
        return response.sessionCookie().map(Cookie::getValue).orElseThrow();
    }

    /** Signs in through the API as a person without two-step sign-in; returns the bearer token. */
    protected String apiSignIn(String username) {
        Reply response = send(HttpRequest.POST("/api/v1/sessions", Map.of("username", username, "password", Fixtures.PASSWORD)));
        assertThat(response.code()).as("API sign-in of " + username).isEqualTo(201);
        String body = response.body();
        int start = body.indexOf("\"token\":\"") + 9;
        return body.substring(start, body.indexOf('"', start));
    }

    /** The form token a console page hands this session. */
    protected String csrf(String session, String page) {
        return Html.csrfToken(send(withSession(session, HttpRequest.GET(page))).body());
    }

    protected static <T> MutableHttpRequest<T> withSession(String session, MutableHttpRequest<T> request) {
        return request.cookie(Cookie.of("serambi_session", session));
    }

    protected static MutableHttpRequest<String> form(String path, String body) {
        return HttpRequest.POST(path, body).contentType("application/x-www-form-urlencoded");
    }

    /** A multipart form (the console's forms with a file); {@code pdf} goes in the part "letter" when given. */
    protected static MutableHttpRequest<?> multipart(String path, Map<String, String> fields, byte[] pdf) {
        var body = io.micronaut.http.client.multipart.MultipartBody.builder();
        fields.forEach(body::addPart);
        if (pdf != null) {
            body.addPart("letter", "surat.pdf", io.micronaut.http.MediaType.of("application/pdf"), pdf);
        }
        return HttpRequest.POST(path, body.build()).contentType(io.micronaut.http.MediaType.MULTIPART_FORM_DATA_TYPE);
    }

    /** The token of the newest link with this path that was mailed (or is waiting to be) to {@code email}. */
    protected String mailedToken(String email, String pathPrefix) {
        String body = id.serambi.core.testing.DirectSql.query(database, db -> db
                .select(id.serambi.core.jooq.public_.Tables.MAIL_OUTBOX.BODY_TEXT)
                .from(id.serambi.core.jooq.public_.Tables.MAIL_OUTBOX)
                .where(id.serambi.core.jooq.public_.Tables.MAIL_OUTBOX.RECIPIENT.eq(email))
                .orderBy(id.serambi.core.jooq.public_.Tables.MAIL_OUTBOX.ID.desc()).limit(1)
                .fetchOne(id.serambi.core.jooq.public_.Tables.MAIL_OUTBOX.BODY_TEXT));
        var m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(pathPrefix) + "([A-Za-z0-9_-]+)").matcher(body == null ? "" : body);
        if (!m.find()) {
            throw new AssertionError("no " + pathPrefix + " link mailed to " + email);
        }
        return m.group(1);
    }

    /** Opens a one-time link's page and chooses {@code password} there, as the person would; the answer. */
    protected Reply choosePassword(String path, String password) {
        Reply page = send(HttpRequest.GET(path));
        if (page.code() != 200) {
            return page;
        }
        String formCookie = formCookie(page);
        return send(form(path, "_csrf=" + id.serambi.core.testing.Html.csrfToken(page.body()) + "&password=" + password
                + "&confirmation=" + password).cookie(Cookie.of("serambi_form", formCookie)));
    }

    /** The public-form cookie a page set. */
    protected static String formCookie(Reply page) {
        return page.headers().getAll("Set-Cookie").stream().filter(c -> c.startsWith("serambi_form="))
                .map(c -> c.substring("serambi_form=".length(), c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no form cookie"));
    }
}
