package id.serambi.admin.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import id.serambi.admin.AdminApp;
import id.serambi.core.access.Actor;
import id.serambi.core.media.MediaId;
import id.serambi.core.media.MediaService;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.support.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import id.serambi.admin.security.ActionRule;
import id.serambi.core.access.Action;

/**
 * An agency's media library through the API: list, upload (multipart, part "file", optional "altText"),
 * YouTube links, one item, its alt text, delete. Refusals are problem+json naming the field and the reason.
 */
@Controller("/api/v1/tenants/{slug}/media")
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class MediaApiController {
    private final MediaService media;

    MediaApiController(MediaService media) {
        this.media = media;
    }

    @ActionRule(Action.READ_MEDIA)
    @Get
    List<ApiDtos.MediaView> list(Actor actor, String slug) {
        return media.list(actor, slug, 200).stream().map(m -> ApiDtos.MediaView.of(slug, m)).toList();
    }

    @ActionRule(Action.UPLOAD_MEDIA)
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<ApiDtos.MediaView> upload(Actor actor, String slug, @Nullable @Part("file") CompletedFileUpload file,
                                           @Nullable @Part("altText") String altText) {
        if (file == null) {
            throw new InvalidInputException(FieldError.of("file", "validation.required"));
        }
        try (InputStream content = file.getInputStream()) {
            return HttpResponse.created(ApiDtos.MediaView.of(slug, media.upload(actor, slug, file.getFilename(), content, altText)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ActionRule(Action.UPLOAD_MEDIA)
    @Post("/youtube")
    HttpResponse<ApiDtos.MediaView> youtube(Actor actor, String slug, @Body ApiDtos.YouTubeRequest body) {
        return HttpResponse.created(ApiDtos.MediaView.of(slug, media.addYouTube(actor, slug, body.url(), body.title(), body.altText())));
    }

    @ActionRule(Action.READ_MEDIA)
    @Get("/{id}")
    ApiDtos.MediaView get(Actor actor, String slug, String id) {
        return ApiDtos.MediaView.of(slug, media.get(actor, slug, mediaId(id)));
    }

    @ActionRule(Action.UPLOAD_MEDIA)
    @Put("/{id}/alt-text")
    ApiDtos.MediaView setAltText(Actor actor, String slug, String id, @Body ApiDtos.AltTextRequest body) {
        return ApiDtos.MediaView.of(slug, media.setAltText(actor, slug, mediaId(id), body.altText()));
    }

    @ActionRule(Action.DELETE_MEDIA)
    @Delete("/{id}")
    HttpResponse<?> delete(Actor actor, String slug, String id) {
        media.delete(actor, slug, mediaId(id));
        return HttpResponse.noContent();
    }

    private static MediaId mediaId(String id) {
        return MediaId.parse(id).orElseThrow(() -> new NotFoundException("media " + id));
    }
}
