package id.serambi.core.review;

import java.time.OffsetDateTime;

import id.serambi.core.workflow.WorkflowEvents;

/**
 * One line of a post's history as the post page shows it: a transition (with its note) or a comment, in the
 * order they happened. Exactly one of {@code transition} and {@code comment} is set.
 */
public record HistoryLine(OffsetDateTime at, WorkflowEvents.Entry transition, PostComment comment) {
    public boolean isComment() {
        return comment != null;
    }
}
