package id.serambi.core.post;

/** What a writer enters: raw form values, validated and cleaned by {@link PostService}. */
public record PostDraft(String title, String summary, String bodyHtml, String kind, PostDetails details) {
    public PostDraft {
        details = details == null ? PostDetails.NONE : details;
    }

    public PostDraft(String title, String summary, String bodyHtml, String kind) {
        this(title, summary, bodyHtml, kind, PostDetails.NONE);
    }
}
