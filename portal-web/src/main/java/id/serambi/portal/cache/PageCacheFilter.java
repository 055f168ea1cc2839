package id.serambi.portal.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import id.serambi.core.cache.CacheGenerations;
import id.serambi.core.cache.Generation;
import id.serambi.core.i18n.Messages;
import id.serambi.portal.PortalApp;
import id.serambi.portal.SecurityHeadersFilter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.web.router.RouteAttributes;

/**
 * The one layer every anonymous GET of a portal page goes through (home, agency sites, posts, search, feeds,
 * sitemaps: any route of a controller in {@code id.serambi.portal}). A current copy is answered from
 * {@link PageCache} without touching the database; otherwise the page is rendered and, if it is a plain 200 text
 * response that sets no cookie and no Cache-Control of its own, kept. Either way the reader gets a strong ETag (a
 * hash of the bytes), Last-Modified (when its content last changed), 304 to a matching conditional request, gzip
 * made once per page, and Cache-Control a CDN may follow.
 *
 * <p>A page that must not be shared (a form with a per-request token, anything personal) sets its own
 * Cache-Control (e.g. {@code no-store}) or a cookie, and is then passed through untouched.
 */
@ServerFilter("/**")
@PortalApp
@io.micronaut.core.annotation.Order(PageCacheFilter.ORDER)
public class PageCacheFilter implements Ordered {
    static final int ORDER = 100;
    public static final String STATUS_HEADER = "X-Serambi-Cache";
    public static final String ROBOTS_HEADER = "X-Robots-Tag";
    /** Set by the renderer when a page belongs to a tenant: the tenant's cache scope. */
    public static final String SCOPE_ATTRIBUTE = "serambi.cache.scope";
    static final String PUBLIC = "public, max-age=60, stale-while-revalidate=300";
    // A reader with cookies (a language choice, a console session) may see a variant: private, always revalidated.
    static final String PRIVATE = "private, no-cache";
    static final String VARY = "Accept-Encoding, Cookie";
    private static final String KEY_ATTRIBUTE = "serambi.cache.key";
    private static final String SNAPSHOT_ATTRIBUTE = "serambi.cache.snapshot";
    private static final String SERVED_ATTRIBUTE = "serambi.cache.served";
    private static final int GZIP_FROM_BYTES = 1024;
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final PageCache cache;
    private final SecurityHeadersFilter securityHeaders;

    PageCacheFilter(PageCache cache, SecurityHeadersFilter securityHeaders) {
        this.cache = cache;
        this.securityHeaders = securityHeaders;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> lookup(HttpRequest<?> request) {
        if (!cacheable(request)) {
            return null;
        }
        PageCache.Key key = key(request);
        request.setAttribute(KEY_ATTRIBUTE, key);
        PageCache.Entry entry = cache.find(key);
        if (entry != null) {
            request.setAttribute(SERVED_ATTRIBUTE, Boolean.TRUE);
            // An answer given here skips the other filters' response side: the security headers are set here too.
            MutableHttpResponse<?> hit = answer(request, HttpResponse.ok(), entry, "hit");
            securityHeaders.headers(request, hit);
            return hit;
        }
        Map<String, Generation> snapshot = cache.snapshot();
        if (snapshot != null) {
            request.setAttribute(SNAPSHOT_ATTRIBUTE, snapshot);
        }
        return null;
    }

    @ResponseFilter
    public void keep(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getAttribute(SERVED_ATTRIBUTE).isPresent()) {
            return;
        }
        Optional<PageCache.Key> key = request.getAttribute(KEY_ATTRIBUTE, PageCache.Key.class);
        if (key.isEmpty() || response.code() != HttpStatus.OK.getCode()) {
            return;
        }
        var headers = response.getHeaders();
        if (headers.contains(HttpHeaders.CACHE_CONTROL) || headers.contains(HttpHeaders.CONTENT_ENCODING)) {
            return; // the page decided for itself
        }
        if (headers.contains(HttpHeaders.SET_COOKIE) || !response.getCookies().getAll().isEmpty()) {
            headers.set(HttpHeaders.CACHE_CONTROL, "private, no-store");
            return;
        }
        Optional<MediaType> type = response.getContentType();
        byte[] body = bytes(response.getBody().orElse(null));
        if (body == null || type.isEmpty() || !isText(type.get())) {
            return;
        }
        String scope = request.getAttribute(SCOPE_ATTRIBUTE, String.class).orElse(null);
        List<String> scopes = scope == null ? List.of(CacheGenerations.GLOBAL) : List.of(CacheGenerations.GLOBAL, scope);
        @SuppressWarnings("unchecked")
        Map<String, Generation> snapshot = (Map<String, Generation>) request.getAttribute(SNAPSHOT_ATTRIBUTE).orElse(null);
        Map<String, Long> generations = snapshot == null ? null : PageCache.dependencies(snapshot, scopes);
        Instant lastModified = Instant.now();
        if (generations != null) {
            lastModified = scopes.stream().map(snapshot::get).map(g -> g.changedAt().toInstant())
                    .max(Instant::compareTo).orElse(lastModified);
        }
        PageCache.Entry entry = new PageCache.Entry(body, body.length >= GZIP_FROM_BYTES ? gzip(body) : null,
                type.get().toString(), etag(body), lastModified.truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                generations == null ? Map.of() : generations, headers.get(ROBOTS_HEADER));
        if (generations != null) {
            cache.store(key.get(), entry);
        }
        answer(request, response, entry, generations != null ? "miss" : "bypass");
    }

    /** Fills {@code response} from the entry: 304 to a matching conditional request, else the (gzipped) bytes. */
    private static MutableHttpResponse<?> answer(HttpRequest<?> request, MutableHttpResponse<?> response,
                                                 PageCache.Entry entry, String how) {
        boolean gzip = entry.gzip() != null && acceptsGzip(request);
        String etag = gzip ? entry.etag().substring(0, entry.etag().length() - 1) + "-gz\"" : entry.etag();
        var headers = response.getHeaders();
        headers.set(HttpHeaders.ETAG, etag);
        headers.set(HttpHeaders.LAST_MODIFIED, HTTP_DATE.format(entry.lastModified().atZone(ZoneOffset.UTC)));
        headers.set(HttpHeaders.CACHE_CONTROL, request.getHeaders().contains(HttpHeaders.COOKIE) ? PRIVATE : PUBLIC);
        headers.set(HttpHeaders.VARY, VARY);
        headers.set(STATUS_HEADER, how);
        if (entry.robots() != null) {
            headers.set(ROBOTS_HEADER, entry.robots());
        }
        if (notModified(request, entry)) {
            response.status(HttpStatus.NOT_MODIFIED);
            response.body(null);
            headers.remove(HttpHeaders.CONTENT_TYPE);
            return response;
        }
        if (gzip) {
            headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        headers.set(HttpHeaders.CONTENT_TYPE, entry.contentType());
        ((MutableHttpResponse<Object>) response).body(gzip ? entry.gzip() : entry.body());
        return response;
    }

    private static boolean notModified(HttpRequest<?> request, PageCache.Entry entry) {
        List<String> noneMatch = request.getHeaders().getAll(HttpHeaders.IF_NONE_MATCH);
        if (!noneMatch.isEmpty()) {
            String plain = entry.etag();
            String zipped = plain.substring(0, plain.length() - 1) + "-gz\"";
            for (String header : noneMatch) {
                for (String tag : header.split(",")) {
                    String t = tag.strip();
                    if (t.startsWith("W/")) {
                        t = t.substring(2);
                    }
                    if (t.equals("*") || t.equals(plain) || t.equals(zipped)) {
                        return true;
                    }
                }
            }
            return false; // If-Modified-Since is ignored when If-None-Match is present (RFC 9110)
        }
        String since = request.getHeaders().get(HttpHeaders.IF_MODIFIED_SINCE);
        if (since == null) {
            return false;
        }
        try {
            Instant at = ZonedDateTime.parse(since.strip(), HTTP_DATE).toInstant();
            return !entry.lastModified().isAfter(at);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** GETs of portal routes only: never the console, the API, media files or assets (they manage their own). */
    private static boolean cacheable(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.GET) {
            return false;
        }
        String path = request.getPath();
        if (path.startsWith("/admin") || path.startsWith("/api/") || path.startsWith("/assets/")
                || path.startsWith("/health") || path.contains("/media/")) {
            return false;
        }
        return RouteAttributes.getRouteInfo(request)
                .map(route -> route.getDeclaringType().getName().startsWith("id.serambi.portal."))
                .orElse(false);
    }

    private static PageCache.Key key(HttpRequest<?> request) {
        String host = Optional.ofNullable(request.getHeaders().get(HttpHeaders.HOST)).orElse("")
                .toLowerCase(Locale.ROOT);
        boolean https = request.isSecure() || request.getHeaders().findFirst("X-Forwarded-Proto")
                .map(p -> p.trim().equalsIgnoreCase("https")).orElse(false);
        String language = Messages.chosen(request.getParameters().getFirst("lang"),
                request.getCookies().findCookie(Messages.LANG_COOKIE).map(Cookie::getValue)).getLanguage();
        return new PageCache.Key(https ? "https" : "http", host, request.getPath(),
                Optional.ofNullable(request.getUri().getRawQuery()).orElse(""), language);
    }

    private static boolean acceptsGzip(HttpRequest<?> request) {
        for (String header : request.getHeaders().getAll(HttpHeaders.ACCEPT_ENCODING)) {
            for (String coding : header.split(",")) {
                String[] parts = coding.strip().split(";");
                if (parts[0].strip().equalsIgnoreCase("gzip")) {
                    return !(parts.length > 1 && parts[1].replace(" ", "").matches("q=0(\\.0*)?"));
                }
            }
        }
        return false;
    }

    private static boolean isText(MediaType type) {
        String sub = type.getSubtype();
        return type.getType().equals("text")
                || (type.getType().equals("application") && (sub.equals("xml") || sub.endsWith("+xml")
                || sub.equals("json") || sub.endsWith("+json") || sub.equals("javascript")));
    }

    private static byte[] bytes(Object body) {
        if (body instanceof byte[] b) {
            return b;
        }
        if (body instanceof CharSequence text) {
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }
        return null;
    }

    static String etag(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 18)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
