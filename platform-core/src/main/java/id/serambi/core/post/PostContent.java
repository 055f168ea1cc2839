package id.serambi.core.post;

import java.time.OffsetDateTime;
import java.util.List;

import id.serambi.core.media.MediaId;

/**
 * The editable content of a post, validated and with a sanitised body: what a post row and a revision hold.
 * The kind's own fields (menu place, PPID document, gallery) are not part of a revision.
 */
public record PostContent(String title, String slug, String summary, String bodyHtml, OffsetDateTime displayDate,
                          String seoDescription, Long categoryId, List<String> tags, MediaId featuredMediaId) {
    public PostContent {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
