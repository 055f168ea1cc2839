package id.serambi.core.workflow;

import java.util.Locale;

/** The named things that can happen to a post; {@link Transitions} says from where each leads where. */
public enum PostEvent {
    SUBMIT, REQUEST_CHANGES, APPROVE, PUBLISH, SCHEDULE, PUBLISH_SCHEDULED, CANCEL_SCHEDULE, UNPUBLISH, ARCHIVE, REOPEN,
    /** An approved post's content changed: back to review, since the approval was for the old content. */
    APPROVAL_RESET;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PostEvent fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public String messageKey() {
        return "workflow.event." + dbValue();
    }

    /** Events that follow from something else (the clock, an edit), never a button or an API step. */
    public boolean isAutomatic() {
        return this == PUBLISH_SCHEDULED || this == APPROVAL_RESET;
    }

    /** Whether the event puts the post before readers. */
    public boolean goesLive() {
        return this == PUBLISH || this == SCHEDULE || this == PUBLISH_SCHEDULED;
    }
}
