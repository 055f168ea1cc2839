package id.serambi.core.review;

import id.serambi.core.post.PostStatus;
import id.serambi.core.workflow.WorkflowSteps;

/**
 * A tenant's time standards (mutu baku) for the steps of seed 003, in minutes: editing the release (the
 * writer, 1 hour), correction (the editor, 15 minutes), final check and filtering (the redaktur, 15 minutes)
 * and publication (15 minutes).
 */
public record ReviewStandards(int editingMinutes, int correctionMinutes, int finalCheckMinutes, int publicationMinutes) {
    public static final int MIN_MINUTES = 1;
    /** A week: a longer "standard" would be no standard. */
    public static final int MAX_MINUTES = 10_080;
    public static final ReviewStandards SEED_003 = new ReviewStandards(60, 15, 15, 15);

    /**
     * How long a post may wait in this state: the seed's steps that the next hand performs before the post
     * moves on. Sent back: the writer edits. In review: the editor corrects, and where the editor is also the
     * last hand (one or two steps) checks and publishes too. Approved: the redaktur's final check and the
     * publication. Other states wait for nobody: zero.
     */
    public int minutesFor(PostStatus status, WorkflowSteps steps) {
        return switch (status) {
            case CHANGES_REQUESTED -> editingMinutes;
            case IN_REVIEW -> steps == WorkflowSteps.THREE ? correctionMinutes
                    : correctionMinutes + finalCheckMinutes + publicationMinutes;
            case APPROVED -> finalCheckMinutes + publicationMinutes;
            default -> 0;
        };
    }
}
