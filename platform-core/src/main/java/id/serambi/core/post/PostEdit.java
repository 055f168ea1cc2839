package id.serambi.core.post;

/**
 * An edit as the form or the API sends it, unparsed. A blank slug keeps the current one; the display date is
 * a date ({@code 2026-11-21}), a date-time without offset (the portal's time zone, what a browser's field
 * sends) or with one; blank means none. The override reason is needed only when a published post's new text
 * holds personal data and an editor publishes it anyway. {@code details}: see {@link PostDetails} (null
 * fields keep what the post has).
 */
public record PostEdit(String title, String slug, String summary, String bodyHtml, String displayDate,
                       String seoDescription, String personalDataOverrideReason, PostDetails details) {
    public PostEdit {
        details = details == null ? PostDetails.NONE : details;
    }

    public PostEdit(String title, String slug, String summary, String bodyHtml, String displayDate,
                    String seoDescription, String personalDataOverrideReason) {
        this(title, slug, summary, bodyHtml, displayDate, seoDescription, personalDataOverrideReason, PostDetails.NONE);
    }
}
