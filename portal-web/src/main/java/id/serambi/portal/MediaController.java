package id.serambi.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.serambi.core.media.MediaFile;
import id.serambi.core.media.MediaId;
import id.serambi.core.media.MediaKind;
import id.serambi.core.media.MediaStorage;
import id.serambi.core.portal.PortalMedia;
import id.serambi.core.portal.PortalQueries;
import id.serambi.core.portal.PortalTenant;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * Media files for readers: {@code /{slug}/media/{id}/{variant}} in the portal, {@code /media/{id}/{variant}} on an
 * agency's own host. What may be served is decided by the {@code portal.media} view (not deleted, live agency);
 * the files come from the same {@link MediaStorage} the console writes to. Never sniffed; documents download;
 * a file under an id never changes, so browsers and caches may keep it long.
 */
@Controller
@PortalApp
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class MediaController {
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    // Documents are cached for a shorter while, so that a file deleted by mistake (say, with personal data)
    // stops being served from shared caches soon.
    static final String DOCUMENT = "public, max-age=3600";
    private static final Pattern RANGE = Pattern.compile("^bytes=(\\d{0,18})-(\\d{0,18})$");

    private final PortalQueries portal;
    private final MediaStorage storage;
    private final PortalPages pages;

    MediaController(PortalQueries portal, MediaStorage storage, PortalPages pages) {
        this.portal = portal;
        this.storage = storage;
        this.pages = pages;
    }

    @Get("/{slug}/media/{id}/{variant}")
    HttpResponse<?> inPortal(HttpRequest<?> request, String slug, String id, String variant) {
        return serve(request, portal.tenantBySlug(slug), id, variant);
    }

    @Get("/media/{id}/{variant}")
    HttpResponse<?> onAgencyHost(HttpRequest<?> request, String id, String variant) {
        String host = request.getHeaders().get(HttpHeaders.HOST);
        Optional<PortalTenant> tenant = host == null ? Optional.empty()
                : portal.tenantByHost(host.toLowerCase(java.util.Locale.ROOT).replaceFirst(":\\d+$", ""));
        return serve(request, tenant, id, variant);
    }

    /**
     * Video answers single byte ranges (206), which players need to seek and Safari needs to play at all. The
     * stored file is the upload itself, so its size is the recorded one.
     */
    private static HttpResponse<?> video(HttpRequest<?> request, MediaFile file, long size) throws IOException {
        Matcher range = RANGE.matcher(request.getHeaders().get(HttpHeaders.RANGE, String.class).orElse(""));
        InputStream body = file.content();
        MutableHttpResponse<StreamedFile> response;
        if (range.matches() && !(range.group(1).isEmpty() && range.group(2).isEmpty())) {
            long start;
            long end;
            if (range.group(1).isEmpty()) { // "bytes=-500": the last 500 bytes
                start = Math.max(0, size - Long.parseLong(range.group(2)));
                end = size - 1;
            } else {
                start = Long.parseLong(range.group(1));
                end = range.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(range.group(2)), size - 1);
            }
            if (start >= size || start > end) {
                body.close();
                return HttpResponse.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                        .header(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
            }
            body.skipNBytes(start);
            response = HttpResponse.<StreamedFile>status(HttpStatus.PARTIAL_CONTENT)
                    .body(new StreamedFile(BoundedInputStream.of(body, end - start + 1), MediaType.of(file.contentType())))
                    .header(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + size);
        } else {
            response = HttpResponse.ok(new StreamedFile(body, MediaType.of(file.contentType())));
        }
        return response.header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", file.contentDisposition())
                .header("Cache-Control", IMMUTABLE);
    }

    /** The first {@code limit} bytes of a stream. */
    private static final class BoundedInputStream extends java.io.FilterInputStream {
        private long left;

        private BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        static InputStream of(InputStream in, long limit) {
            return new BoundedInputStream(in, limit);
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }

    private HttpResponse<?> serve(HttpRequest<?> request, Optional<PortalTenant> tenant, String id, String variant) {
        Optional<MediaId> mediaId = MediaId.parse(id);
        if (tenant.isEmpty() || mediaId.isEmpty()) {
            return pages.notFound(request);
        }
        Optional<PortalMedia> media = portal.media(tenant.get().id(), mediaId.get());
        if (media.isEmpty() || !media.get().variants().contains(variant)) {
            return pages.notFound(request);
        }
        PortalMedia m = media.get();
        try {
            Optional<InputStream> content = storage.open(MediaStorage.key(m.tenantId(), m.id(), variant));
            if (content.isEmpty()) {
                return pages.notFound(request);
            }
            MediaFile file = MediaFile.of(content.get(), m.kind(), m.contentType(), m.fileName(), variant);
            if (m.kind() == MediaKind.VIDEO) {
                return video(request, file, m.byteSize());
            }
            return HttpResponse.ok(new StreamedFile(file.content(), MediaType.of(file.contentType())))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Disposition", file.contentDisposition())
                    .header("Cache-Control", file.immutable() ? IMMUTABLE : DOCUMENT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
