package id.serambi.admin.console;

import id.serambi.core.media.MediaFile;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;

/** A stored media file as an HTTP answer: its own type, never sniffed, documents as downloads. */
public final class MediaFiles {
    private MediaFiles() {
    }

    public static HttpResponse<StreamedFile> respond(MediaFile file, String cacheControl) {
        return HttpResponse.ok(new StreamedFile(file.content(), MediaType.of(file.contentType())))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", file.contentDisposition())
                .header("Cache-Control", cacheControl)
                // A file opened directly (e.g. a PDF) runs no script and is framed by nobody.
                .header("Content-Security-Policy", "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox");
    }
}
