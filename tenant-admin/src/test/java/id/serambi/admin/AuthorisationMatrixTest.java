package id.serambi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.admin.console.Pages;
import id.serambi.admin.security.ActionRule;
import id.serambi.admin.security.OwnAccount;
import id.serambi.admin.security.PublicEndpoint;
import id.serambi.admin.security.SessionCookie;
import id.serambi.core.access.Action;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.LoginResult;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.account.SessionService;
import id.serambi.core.media.MediaService;
import id.serambi.core.post.PostDraft;
import id.serambi.core.post.PostService;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.Fixtures;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;

/**
 * Every console and API endpoint × every role, aimed at a resource of a tenant the person does not belong to:
 * refused (403 or 404) with the data unchanged. The endpoints come from the router itself, so a new endpoint
 * joins the matrix by existing, and one that names no rule fails the test.
 *
 * <p>Tenant roles are held in tenant A and aimed at tenant B. Platform roles act on every tenant by design,
 * so for them a cell is expected refused exactly when the endpoint's action is outside their rulebook entry.
 */
@MicronautTest(environments = "admin", transactional = false)
class AuthorisationMatrixTest extends AdminHttpTest {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AuthorisationMatrixTest.class);

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");
    // Tables that legitimately change on a refused request: the refusal itself is audited, a session's
    // last-seen time moves, and the throttle counts requests.
    private static final Set<String> CHANGING_BY_DESIGN = Set.of("audit_log", "user_session", "login_throttle",
            "flyway_schema_history");

    @Inject Router router;
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject PostService posts;
    @Inject MediaService media;

    private final Map<Role, String> tokens = new EnumMap<>(Role.class);
    private Tenant other;
    private long otherPostId;
    private String otherMediaId;
    private Connection ownerConnection;

    @BeforeAll
    void twoTenantsAndOnePersonPerRole() {
        Tenant own = Fixtures.tenantWithAdmin(tenants, "matriks-a", "Dinas Matriks A");
        other = Fixtures.tenantWithAdmin(tenants, "matriks-b", "Dinas Matriks B");
        Fixtures.platformUser(accounts, "pengguna-b", Role.PLATFORM_STAFF);
        var author = Fixtures.signIn(accounts, sessions, "admin-matriks-b");
        var post = posts.createDraft(author, "matriks-b", new PostDraft("Berita B", null, "<p>Isi.</p>", null));
        posts.publish(author, "matriks-b", post.id());
        otherPostId = posts.createDraft(author, "matriks-b", new PostDraft("Draf B", null, "<p>Isi.</p>", null)).id().value();
        otherMediaId = media.upload(author, "matriks-b", "foto.png", new java.io.ByteArrayInputStream(TINY_PNG), "Foto B").id().toString();

        for (Role role : Role.values()) {
            String username = "peran-" + role.name().toLowerCase().replace('_', '-');
            var account = new NewAccount(username, "Peran " + role, null, Fixtures.PASSWORD);
            accounts.createMember(Fixtures.SYSTEM, role.isPlatform() ? null : own.id(), account, role, false);
            if (!(accounts.authenticate(username, Fixtures.PASSWORD, "127.0.0.1", "matrix")
                    instanceof LoginResult.SignedIn signedIn)) {
                throw new AssertionError("cannot sign in " + username);
            }
            // Opened as after a completed second step: the matrix tests authorisation, not sign-in.
            tokens.put(role, sessions.open(signedIn.account(), "127.0.0.1", "matrix"));
        }
    }

    record Endpoint(HttpMethod method, String template, AnnotationMetadata metadata, List<MediaType> consumes) {
        boolean api() {
            return template.startsWith("/api/");
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    @Test
    void every_endpoint_names_its_rule() {
        List<String> unnamed = endpoints().stream()
                .filter(e -> !e.metadata().hasAnnotation(ActionRule.class) && !e.metadata().hasAnnotation(OwnAccount.class)
                        && !e.metadata().hasAnnotation(PublicEndpoint.class))
                .map(Endpoint::toString).toList();
        assertThat(unnamed).as("endpoints without @ActionRule, @OwnAccount or @PublicEndpoint").isEmpty();
    }

    @Test
    void every_role_is_refused_another_tenants_resources_and_nothing_changes() {
        List<Endpoint> ruled = endpoints().stream().filter(e -> e.metadata().hasAnnotation(ActionRule.class)).toList();
        assertThat(ruled).hasSizeGreaterThan(10);
        List<String> leaks = new ArrayList<>();
        int cells = 0;
        int refusedCells = 0;
        for (Endpoint endpoint : ruled) {
            Action action = endpoint.metadata().enumValue(ActionRule.class, Action.class).orElseThrow();
            for (Role role : Role.values()) {
                cells++;
                // A platform role may act on any tenant where its rulebook entry allows: not a refusal cell.
                if (role.isPlatform() && action.platformRoles().contains(role)) {
                    continue;
                }
                refusedCells++;
                Map<String, String> before = snapshot();
                Reply reply = send(request(endpoint, tokens.get(role)));
                boolean refused = reply.code() == 403 || reply.code() == 404;
                Map<String, String> after = snapshot();
                if (!refused || !before.equals(after)) {
                    leaks.add(endpoint + " as " + role + " → " + reply.code()
                            + (before.equals(after) ? "" : " and changed " + changedTables(before, after)));
                }
            }
        }
        assertThat(leaks).as("cells that were not refused, or changed data").isEmpty();
        // The size of the matrix, for the record (the closing note quotes it).
        LOG.info(String.format("Authorisation matrix: %d endpoints × %d roles = %d cells, %d expected refusals checked",
                ruled.size(), Role.values().length, cells, refusedCells));
    }

    // The router lists some routes more than once; one cell per method and path is enough.
    private List<Endpoint> endpoints() {
        Map<String, Endpoint> all = new LinkedHashMap<>();
        router.uriRoutes().forEach((UriRouteInfo<?, ?> route) -> {
            String template = route.getUriMatchTemplate().toString();
            if (template.startsWith("/admin") || template.startsWith("/api/")) {
                var endpoint = new Endpoint(route.getHttpMethod(), template, route.getTargetMethod().getAnnotationMetadata(),
                        route.getConsumes());
                all.putIfAbsent(endpoint.toString(), endpoint);
            }
        });
        return List.copyOf(all.values());
    }

    private MutableHttpRequest<?> request(Endpoint endpoint, String token) {
        String path = fill(endpoint.template());
        MutableHttpRequest<?> request;
        if (endpoint.method() == HttpMethod.GET || endpoint.method() == HttpMethod.HEAD) {
            request = HttpRequest.create(endpoint.method(), path).accept(endpoint.api() ? MediaType.APPLICATION_JSON_TYPE : MediaType.ALL_TYPE);
        } else if (accepts(endpoint, MediaType.MULTIPART_FORM_DATA_TYPE)) {
            request = HttpRequest.create(endpoint.method(), path).body(plausibleUpload(token)).contentType(MediaType.MULTIPART_FORM_DATA_TYPE);
        } else if (accepts(endpoint, MediaType.IMAGE_PNG_TYPE) || accepts(endpoint, MediaType.APPLICATION_OCTET_STREAM_TYPE)) {
            request = HttpRequest.create(endpoint.method(), path).body(TINY_PNG).contentType(MediaType.IMAGE_PNG_TYPE);
        } else if (endpoint.api()) {
            request = HttpRequest.create(endpoint.method(), path).body(plausibleJson()).contentType(MediaType.APPLICATION_JSON_TYPE);
        } else {
            request = HttpRequest.create(endpoint.method(), path).body(plausibleForm(token))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        }
        return endpoint.api() ? request.bearerAuth(token) : request.cookie(Cookie.of(SessionCookie.NAME, token));
    }

    private static boolean accepts(Endpoint endpoint, MediaType type) {
        return endpoint.consumes().stream().anyMatch(c -> c.getName().equals(type.getName()));
    }

    // A valid 1×1 PNG, for every upload field an endpoint might read.
    private static final byte[] TINY_PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static MultipartBody plausibleUpload(String token) {
        var body = MultipartBody.builder().addPart("_csrf", Pages.csrfTokenFor(token)).addPart("reason", "uji matriks")
                .addPart("altText", "uji");
        for (String field : List.of("file", "logo", "letter", "upload")) {
            body.addPart(field, "uji.png", MediaType.IMAGE_PNG_TYPE, TINY_PNG);
        }
        return body.build();
    }

    // Every path variable points into tenant B: its slug, or the id of one of its posts or media items.
    private String fill(String template) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).replace("+", "").replace("?", "");
            String value = switch (name) {
                case "slug" -> other.slug();
                case "variant" -> "thumb";
                case "id" -> template.contains("/media/") ? otherMediaId : String.valueOf(otherPostId);
                default -> String.valueOf(otherPostId);
            };
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        return path.toString();
    }

    // A request that would do something if it were allowed: a valid form token and the fields forms ask for.
    private static String plausibleForm(String token) {
        return "_csrf=" + Pages.csrfTokenFor(token) + "&title=Diubah&summary=x&bodyHtml=%3Cp%3Ex%3C%2Fp%3E&kind=news"
                + "&status=suspended&reason=uji+matriks&requireSecondFactor=true&slug=baru&name=Baru"
                + "&adminUsername=admin-baru&adminName=Admin&adminPassword=" + Fixtures.PASSWORD;
    }

    private static String plausibleJson() {
        return "{\"title\":\"Diubah\",\"bodyHtml\":\"<p>x</p>\",\"status\":\"suspended\",\"reason\":\"uji matriks\","
                + "\"slug\":\"baru\",\"name\":\"Baru\"}";
    }

    // A fingerprint of every table's rows, to prove a refused request changed nothing.
    private Map<String, String> snapshot() {
        Map<String, String> tables = new LinkedHashMap<>();
        DSLContext db = owner();
        for (String table : db.fetch("select table_name from information_schema.tables "
                + "where table_schema = 'public' and table_type = 'BASE TABLE' order by 1").getValues(0, String.class)) {
            if (CHANGING_BY_DESIGN.contains(table)) {
                continue;
            }
            tables.put(table, db.fetchOne("select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from "
                    + "public.\"" + table + "\" t").get(0, String.class));
        }
        return tables;
    }

    private DSLContext owner() {
        try {
            if (ownerConnection == null) {
                ownerConnection = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
            }
            return DSL.using(ownerConnection, SQLDialect.POSTGRES);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    void closeOwnerConnection() throws SQLException {
        if (ownerConnection != null) {
            ownerConnection.close();
        }
    }

    private static List<String> changedTables(Map<String, String> before, Map<String, String> after) {
        return before.keySet().stream().filter(t -> !before.get(t).equals(after.get(t))).toList();
    }
}
