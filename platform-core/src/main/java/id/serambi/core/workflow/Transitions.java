package id.serambi.core.workflow;

import static id.serambi.core.post.PostStatus.APPROVED;
import static id.serambi.core.post.PostStatus.ARCHIVED;
import static id.serambi.core.post.PostStatus.CHANGES_REQUESTED;
import static id.serambi.core.post.PostStatus.DRAFT;
import static id.serambi.core.post.PostStatus.IN_REVIEW;
import static id.serambi.core.post.PostStatus.PUBLISHED;
import static id.serambi.core.post.PostStatus.SCHEDULED;
import static id.serambi.core.post.PostStatus.UNPUBLISHED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import id.serambi.core.post.PostStatus;

/**
 * The one declared table of the editorial state machine: for each event, the states it may start from and
 * the state it leads to, and whether the person must say why. Who may fire an event, and how the tenant's
 * number of steps narrows it, is decided by {@link WorkflowRules}.
 */
public final class Transitions {
    public record Transition(PostEvent event, Set<PostStatus> from, PostStatus to, boolean needsReason) {
    }

    private static final Map<PostEvent, Transition> TABLE = new EnumMap<>(PostEvent.class);

    static {
        declare(PostEvent.SUBMIT, EnumSet.of(DRAFT, CHANGES_REQUESTED), IN_REVIEW, false);
        declare(PostEvent.REQUEST_CHANGES, EnumSet.of(IN_REVIEW, APPROVED), CHANGES_REQUESTED, true);
        declare(PostEvent.APPROVE, EnumSet.of(IN_REVIEW), APPROVED, false);
        declare(PostEvent.PUBLISH, EnumSet.of(DRAFT, IN_REVIEW, APPROVED, UNPUBLISHED), PUBLISHED, false);
        declare(PostEvent.SCHEDULE, EnumSet.of(DRAFT, IN_REVIEW, APPROVED, SCHEDULED), SCHEDULED, false);
        declare(PostEvent.PUBLISH_SCHEDULED, EnumSet.of(SCHEDULED), PUBLISHED, false);
        declare(PostEvent.CANCEL_SCHEDULE, EnumSet.of(SCHEDULED), DRAFT, false);
        declare(PostEvent.UNPUBLISH, EnumSet.of(PUBLISHED), UNPUBLISHED, true);
        declare(PostEvent.ARCHIVE, EnumSet.of(PUBLISHED, UNPUBLISHED), ARCHIVED, true);
        declare(PostEvent.REOPEN, EnumSet.of(UNPUBLISHED, ARCHIVED), DRAFT, false);
        declare(PostEvent.APPROVAL_RESET, EnumSet.of(APPROVED), IN_REVIEW, false);
    }

    private Transitions() {
    }

    private static void declare(PostEvent event, Set<PostStatus> from, PostStatus to, boolean needsReason) {
        TABLE.put(event, new Transition(event, Set.copyOf(from), to, needsReason));
    }

    public static Transition of(PostEvent event) {
        return TABLE.get(event);
    }

    /**
     * The states from which a post may go live in a tenant with this many steps: straight from a draft with
     * one step, only after review with two, only after approval with three. Re-publishing a withdrawn post
     * is open to all (it was reviewed before).
     */
    static Set<PostStatus> liveFrom(WorkflowSteps steps, PostEvent event) {
        Set<PostStatus> from = switch (steps) {
            case ONE -> EnumSet.of(DRAFT, IN_REVIEW, APPROVED, UNPUBLISHED);
            case TWO -> EnumSet.of(IN_REVIEW, APPROVED, UNPUBLISHED);
            case THREE -> EnumSet.of(APPROVED, UNPUBLISHED);
        };
        if (event == PostEvent.SCHEDULE) {
            from.remove(UNPUBLISHED);
            from.add(SCHEDULED);
        }
        return from;
    }
}
