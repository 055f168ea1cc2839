package id.serambi.admin.console;

import java.util.List;

import id.serambi.core.media.MediaItem;
import id.serambi.core.post.Category;
import id.serambi.core.post.DocumentCategory;

/**
 * What the post forms offer to choose from: the district's categories and the tenant's library, split into
 * images (featured image, the editor's media picker), documents (PPID files) and gallery media (images and
 * videos); {@code galleryRows} is how many gallery rows the form shows.
 */
public record PostFormOptions(List<Category> categories, List<MediaItem> images, List<MediaItem> documents,
                              List<MediaItem> galleryMedia, int galleryRows) {
    public List<DocumentCategory> documentCategories() {
        return List.of(DocumentCategory.values());
    }

    /** The variant the media picker inserts: a width that fits an article, or the full picture. */
    public static String insertVariant(MediaItem image) {
        return image.hasVariant("960") ? "960" : "full";
    }

    /** How a library item is named in a select: its alt text, or its file name when it has none. */
    public static String label(MediaItem item) {
        return item.altText() == null || item.altText().isBlank() ? item.fileName() : item.altText() + " (" + item.fileName() + ")";
    }
}
