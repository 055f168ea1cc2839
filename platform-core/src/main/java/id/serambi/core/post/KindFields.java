package id.serambi.core.post;

import java.util.List;

import id.serambi.core.media.MediaId;

/**
 * Validated fields beyond the text, ready to store: the classification (also kept in revisions) and the
 * kind's own fields. {@code gallery} is null when the gallery is left as it is.
 */
record KindFields(Long categoryId, List<String> tags, MediaId featuredMediaId, Integer menuPosition,
                  MediaId documentMediaId, DocumentCategory documentCategory, Integer documentYear,
                  List<GalleryItem> gallery) {
    KindFields {
        tags = tags == null ? List.of() : List.copyOf(tags);
        gallery = gallery == null ? null : List.copyOf(gallery);
    }
}
