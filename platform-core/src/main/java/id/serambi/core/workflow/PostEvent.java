package id.serambi.core.workflow;

import java.util.Locale;

/** The named things that can happen to a post; {@link Transitions} says from where each leads where. */
public enum PostEvent {
    SUBMIT, REQUEST_CHANGES, APPROVE, PUBLISH, SCHEDULE, PUBLISH_SCHEDULED, CANCEL_SCHEDULE, UNPUBLISH, ARCHIVE, REOPEN;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PostEvent fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public String messageKey() {
        return "workflow.event." + dbValue();
    }

    /** Whether the event puts the post before readers. */
    public boolean goesLive() {
        return this == PUBLISH || this == SCHEDULE || this == PUBLISH_SCHEDULED;
    }
}
