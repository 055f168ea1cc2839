package id.serambi.admin.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import id.serambi.admin.AdminApp;
import id.serambi.core.access.Actor;
import id.serambi.core.media.MediaId;
import id.serambi.core.media.MediaService;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.support.NotFoundException;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import id.serambi.admin.security.ActionRule;
import id.serambi.core.access.Action;

/**
 * An agency's media library in the console: upload (multipart form), a grid of thumbnails, alt text, delete,
 * YouTube links, and the files themselves for the signed-in team. Decoding and resizing block, so the routes
 * run on the blocking pool, never on the event loop.
 */
@Controller("/admin/t/{slug}/media")
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class MediaPageController {
    private final Pages pages;
    private final TenantService tenants;
    private final MediaService media;

    MediaPageController(Pages pages, TenantService tenants, MediaService media) {
        this.pages = pages;
        this.tenants = tenants;
        this.media = media;
    }

    @ActionRule(Action.READ_MEDIA)
    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<String> library(HttpRequest<?> request, Actor actor, @PathVariable String slug) {
        return library(request, actor, slug, HttpStatus.OK, FormState.empty(), FormState.empty(), null);
    }

    @ActionRule(Action.UPLOAD_MEDIA)
    @Post(value = "/unggah", consumes = MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> upload(HttpRequest<?> request, Actor actor, @PathVariable String slug,
                           @Nullable @Part("_csrf") String csrf, @Nullable @Part("file") CompletedFileUpload file,
                           @Nullable @Part("altText") String altText) {
        if (!Pages.csrfValid(request, csrf)) {
            return pages.csrfRefused(request, actor);
        }
        try (InputStream content = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
            var item = media.upload(actor, slug, file == null ? "" : file.getFilename(), content, altText);
            return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "/media?uploaded=" + item.id()));
        } catch (InvalidInputException invalid) {
            return library(request, actor, slug, HttpStatus.BAD_REQUEST,
                    FormState.of(Map.of("altText", altText == null ? "" : altText), invalid.errors(), pages.messages(request)),
                    FormState.empty(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ActionRule(Action.UPLOAD_MEDIA)
    @Post(value = "/youtube", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> youtube(HttpRequest<?> request, Actor actor, @PathVariable String slug, @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        try {
            var item = media.addYouTube(actor, slug, form.get("url"), form.get("title"), form.get("altText"));
            return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "/media?uploaded=" + item.id()));
        } catch (InvalidInputException invalid) {
            Map<String, String> values = new HashMap<>();
            for (String f : new String[]{"url", "title", "altText"}) {
                values.put(f, form.getOrDefault(f, ""));
            }
            return library(request, actor, slug, HttpStatus.BAD_REQUEST, FormState.empty(),
                    FormState.of(values, invalid.errors(), pages.messages(request)), null);
        }
    }

    @ActionRule(Action.UPLOAD_MEDIA)
    @Post(value = "/{id}/alt", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> altText(HttpRequest<?> request, Actor actor, @PathVariable String slug, @PathVariable String id,
                            @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        try {
            media.setAltText(actor, slug, mediaId(id), form.get("altText"));
            return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "/media?described=" + id));
        } catch (InvalidInputException invalid) {
            return library(request, actor, slug, HttpStatus.BAD_REQUEST, FormState.empty(), FormState.empty(),
                    pages.messages(request).get(invalid.errors().get(0).messageKey(), invalid.errors().get(0).args().toArray()));
        }
    }

    @ActionRule(Action.DELETE_MEDIA)
    @Post(value = "/{id}/hapus", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> delete(HttpRequest<?> request, Actor actor, @PathVariable String slug, @PathVariable String id,
                           @Body Map<String, String> form) {
        if (!Pages.csrfValid(request, form.get("_csrf"))) {
            return pages.csrfRefused(request, actor);
        }
        media.delete(actor, slug, mediaId(id));
        return HttpResponse.seeOther(URI.create("/admin/t/" + slug + "/media?deleted=1"));
    }

    /** The file itself for the signed-in team (also items that no published post uses yet). */
    @ActionRule(Action.READ_MEDIA)
    @Get("/{id}/{variant}")
    HttpResponse<StreamedFile> file(Actor actor, @PathVariable String slug, @PathVariable String id, @PathVariable String variant) {
        return MediaFiles.respond(media.open(actor, slug, mediaId(id), variant), "private, max-age=300");
    }

    static MediaId mediaId(String id) {
        return MediaId.parse(id).orElseThrow(() -> new NotFoundException("media " + id));
    }

    private HttpResponse<String> library(HttpRequest<?> request, Actor actor, String slug, HttpStatus status,
                                         FormState uploadForm, FormState youtubeForm, String itemError) {
        Tenant tenant = tenants.get(actor, slug);
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenant);
        params.put("items", media.list(actor, slug, 200));
        params.put("uploadForm", uploadForm);
        params.put("youtubeForm", youtubeForm);
        params.put("itemError", itemError == null ? "" : itemError);
        params.put("settings", media.settings());
        params.put("notice", request.getParameters().getFirst("uploaded").map(x -> "media.uploaded")
                .or(() -> request.getParameters().getFirst("described").map(x -> "media.described"))
                .or(() -> request.getParameters().getFirst("deleted").map(x -> "media.deleted"))
                .orElse(""));
        return pages.render(request, status, "media.jte", pages.withView(request, actor, params));
    }
}
