package id.serambi.admin.api;

import java.time.OffsetDateTime;
import java.util.List;

import id.serambi.admin.AdminApp;
import id.serambi.admin.security.ActionRule;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.post.PostId;
import id.serambi.core.post.PostRevision;
import id.serambi.core.post.PostService;
import id.serambi.core.post.RevisionDiff;
import id.serambi.core.post.TextDiff;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A post's revisions: every save, newest first; one revision; two compared side by side (segments of plain
 * text marked changed or not); and an old one restored as a new revision. Query values are read as text and
 * parsed after the access check, so another tenant's people get a 404 whatever they send.
 */
@Controller("/api/v1/tenants/{slug}/posts/{id}/revisions")
@AdminApp
@Secured(SecurityRule.IS_AUTHENTICATED)
class RevisionApiController {
    private final PostService posts;

    RevisionApiController(PostService posts) {
        this.posts = posts;
    }

    /**
     * A post's new content. The fields beyond the text are as in a new post ({@code PostRequest}); an absent
     * one keeps what the post has, {@code 0} clears {@code categoryId} and {@code menuPosition}, {@code ""}
     * clears {@code featuredMediaId}, {@code []} clears {@code tags} and {@code gallery}. A post's kind does not
     * change.
     */
    @Serdeable
    record UpdateRequest(@Nullable String title, @Nullable String slug, @Nullable String summary,
                         @Nullable String bodyHtml, @Nullable String displayDate, @Nullable String seoDescription,
                         @Nullable String personalDataOverrideReason, @Nullable Long categoryId,
                         @Nullable java.util.List<String> tags, @Nullable String featuredMediaId,
                         @Nullable Integer menuPosition, @Nullable String documentMediaId,
                         @Nullable String documentCategory, @Nullable Integer documentYear,
                         @Nullable java.util.List<ApiDtos.GalleryEntry> gallery) {
        id.serambi.core.post.PostDetails details() {
            return ApiDtos.details(categoryId, tags, featuredMediaId, menuPosition, documentMediaId, documentCategory,
                    documentYear, gallery);
        }
    }

    @Serdeable
    record RestoreRequest(@Nullable String personalDataOverrideReason) {
    }

    @Serdeable
    record RevisionView(int number, String title, String slug, @Nullable String summary, String bodyHtml,
                        @Nullable OffsetDateTime displayDate, @Nullable String seoDescription, @Nullable String author,
                        boolean byPlatform, @Nullable Integer restoredFrom, OffsetDateTime createdAt) {
        static RevisionView of(PostRevision r) {
            var c = r.content();
            return new RevisionView(r.number(), c.title(), c.slug(), c.summary(), c.bodyHtml(), c.displayDate(),
                    c.seoDescription(), r.authorName().isEmpty() ? null : r.authorName(), r.byPlatform(),
                    r.restoredFrom(), r.createdAt());
        }
    }

    @Serdeable
    record SegmentView(String text, boolean changed) {
    }

    @Serdeable
    record RowView(String kind, List<SegmentView> left, List<SegmentView> right) {
        static RowView of(TextDiff.Row row) {
            return new RowView(row.kind().name().toLowerCase(java.util.Locale.ROOT),
                    row.left().stream().map(s -> new SegmentView(s.text(), s.changed())).toList(),
                    row.right().stream().map(s -> new SegmentView(s.text(), s.changed())).toList());
        }
    }

    @Serdeable
    record FieldView(String name, boolean changed, List<RowView> rows) {
    }

    @Serdeable
    record DiffView(int from, int to, List<FieldView> fields) {
        static DiffView of(RevisionDiff diff) {
            return new DiffView(diff.from().number(), diff.to().number(), diff.fields().stream()
                    .map(f -> new FieldView(f.name(), f.changed(), f.rows().stream().map(RowView::of).toList()))
                    .toList());
        }
    }

    @ActionRule(Action.READ_POSTS)
    @Get
    List<RevisionView> list(Actor actor, String slug, long id) {
        return posts.revisions(actor, slug, new PostId(id)).stream().map(RevisionView::of).toList();
    }

    @ActionRule(Action.READ_POSTS)
    @Get("/diff{?from,to}")
    DiffView diff(Actor actor, String slug, long id, @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        return DiffView.of(posts.compare(actor, slug, new PostId(id), from, to));
    }

    @ActionRule(Action.READ_POSTS)
    @Get("/{n}")
    RevisionView get(Actor actor, String slug, long id, String n) {
        return RevisionView.of(posts.revision(actor, slug, new PostId(id), n));
    }

    @ActionRule(Action.EDIT_POST)
    @Post("/{n}/restore")
    ApiDtos.PostView restore(Actor actor, String slug, long id, String n, @Nullable @Body RestoreRequest body) {
        return ApiDtos.PostView.of(posts.restore(actor, slug, new PostId(id), n,
                body == null ? null : body.personalDataOverrideReason()));
    }
}
