package id.serambi.core.post;

import java.time.OffsetDateTime;

/** The editable content of a post, validated and with a sanitised body: what a post row and a revision hold. */
public record PostContent(String title, String slug, String summary, String bodyHtml, OffsetDateTime displayDate,
                          String seoDescription) {
}
