package id.serambi.core.post;

import java.util.Locale;

/** The editorial states of a post (the full workflow arrives with the newsroom). */
public enum PostStatus {
    DRAFT, IN_REVIEW, CHANGES_REQUESTED, APPROVED, SCHEDULED, PUBLISHED, UNPUBLISHED, ARCHIVED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PostStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public String messageKey() {
        return "post.status." + dbValue();
    }
}
