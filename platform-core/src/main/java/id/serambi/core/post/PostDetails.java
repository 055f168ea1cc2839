package id.serambi.core.post;

import java.util.List;

/**
 * The fields beyond the text, as a form or the API sends them, unparsed: category id, tags (comma-separated),
 * featured image id; for a page its menu position; for a document its file, PPID category and year; for a
 * gallery its items in order. A {@code null} field leaves what the post has (nothing, for a new post); a blank
 * one clears it. Fields that do not belong to the post's kind are ignored.
 */
public record PostDetails(String categoryId, String tags, String featuredMediaId, String menuPosition,
                          String documentMediaId, String documentCategory, String documentYear,
                          List<GalleryEntry> gallery) {
    /** Nothing given: a new post gets none of these, an edit keeps what the post has. */
    public static final PostDetails NONE = new PostDetails(null, null, null, null, null, null, null, null);

    /** One gallery row as entered: a media id (blank rows are skipped) and a caption. */
    public record GalleryEntry(String mediaId, String caption) {
    }
}
