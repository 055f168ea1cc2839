package id.serambi.admin.console;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.serambi.core.access.Actor;
import id.serambi.core.media.MediaItem;
import id.serambi.core.media.MediaKind;
import id.serambi.core.media.MediaService;
import id.serambi.core.post.GalleryItem;
import id.serambi.core.post.Post;
import id.serambi.core.post.PostDetails;
import id.serambi.core.post.PostService;
import id.serambi.core.support.AccessDeniedException;
import id.serambi.core.support.NotFoundException;
import jakarta.inject.Singleton;

/**
 * The fields beyond the text in the console's post forms (new post and edit): reading them from a posted form,
 * filling them from a post, and the choices the form offers. Gallery rows are numbered fields
 * {@code galleryMedia1}/{@code galleryCaption1}, …; a few empty rows follow the filled ones.
 */
@Singleton
class PostForms {
    static final List<String> DETAIL_FIELDS = List.of("categoryId", "tags", "featuredMediaId", "menuPosition",
            "documentMediaId", "documentCategory", "documentYear");
    static final int EMPTY_GALLERY_ROWS = 3;
    private static final int LIBRARY_LIMIT = 300;
    private static final int GALLERY_ROWS_MAX = 200;

    private final PostService posts;
    private final MediaService media;

    PostForms(PostService posts, MediaService media) {
        this.posts = posts;
        this.media = media;
    }

    /** The choices for this person's form; without access to the library (not on the team) none are offered. */
    PostFormOptions options(Actor actor, String tenantSlug, Map<String, String> values) {
        List<MediaItem> library;
        try {
            library = media.list(actor, tenantSlug, LIBRARY_LIMIT);
        } catch (AccessDeniedException | NotFoundException notOnTheTeam) {
            library = List.of();
        }
        return new PostFormOptions(posts.categories(),
                library.stream().filter(m -> m.kind() == MediaKind.IMAGE).toList(),
                library.stream().filter(m -> m.kind() == MediaKind.DOCUMENT).toList(),
                library.stream().filter(m -> m.kind() != MediaKind.DOCUMENT).toList(),
                filledGalleryRows(values) + EMPTY_GALLERY_ROWS);
    }

    /** The posted fields as the service reads them; no gallery fields at all leaves the gallery as it is. */
    static PostDetails details(Map<String, String> form) {
        List<PostDetails.GalleryEntry> gallery = null;
        if (form.containsKey("galleryMedia1")) {
            gallery = new ArrayList<>();
            for (int i = 1; i <= GALLERY_ROWS_MAX + EMPTY_GALLERY_ROWS && form.containsKey("galleryMedia" + i); i++) {
                gallery.add(new PostDetails.GalleryEntry(form.get("galleryMedia" + i), form.get("galleryCaption" + i)));
            }
        }
        return new PostDetails(form.get("categoryId"), form.get("tags"), form.get("featuredMediaId"), form.get("menuPosition"),
                form.get("documentMediaId"), form.get("documentCategory"), form.get("documentYear"), gallery);
    }

    /** The posted fields again, to show a refused form as the person filled it (empty gallery rows dropped). */
    static void keep(Map<String, String> form, Map<String, String> values) {
        DETAIL_FIELDS.forEach(f -> values.put(f, form.getOrDefault(f, "")));
        int row = 1;
        for (int i = 1; form.containsKey("galleryMedia" + i); i++) {
            if (!form.get("galleryMedia" + i).isBlank()) {
                values.put("galleryMedia" + row, form.get("galleryMedia" + i));
                values.put("galleryCaption" + row, form.getOrDefault("galleryCaption" + i, ""));
                row++;
            }
        }
    }

    /** The post's fields as the edit form shows them. */
    static Map<String, String> values(Post post, List<GalleryItem> gallery) {
        Map<String, String> values = new HashMap<>();
        values.put("categoryId", post.categoryId() == null ? "" : String.valueOf(post.categoryId()));
        values.put("tags", String.join(", ", post.tags()));
        values.put("featuredMediaId", post.featuredMediaId() == null ? "" : post.featuredMediaId().toString());
        values.put("menuPosition", post.menuPosition() == null ? "" : String.valueOf(post.menuPosition()));
        values.put("documentMediaId", post.documentMediaId() == null ? "" : post.documentMediaId().toString());
        values.put("documentCategory", post.documentCategory() == null ? "" : post.documentCategory().dbValue());
        values.put("documentYear", post.documentYear() == null ? "" : String.valueOf(post.documentYear()));
        for (GalleryItem item : gallery) {
            values.put("galleryMedia" + item.position(), item.mediaId().toString());
            values.put("galleryCaption" + item.position(), item.caption() == null ? "" : item.caption());
        }
        return values;
    }

    private static int filledGalleryRows(Map<String, String> values) {
        int n = 0;
        while (values.containsKey("galleryMedia" + (n + 1))) {
            n++;
        }
        return n;
    }
}
