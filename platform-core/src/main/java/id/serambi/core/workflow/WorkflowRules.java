package id.serambi.core.workflow;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import id.serambi.core.account.Role;
import id.serambi.core.account.UserId;
import id.serambi.core.i18n.MessageKey;
import id.serambi.core.post.PostStatus;

/**
 * Decides whether one event may happen to one post, and if not, says why in words. The rules are small named
 * policies checked in order; the first refusal is the answer, so a person hears the most basic reason first
 * ("a published post cannot be submitted") before finer ones ("not by its own writer").
 */
public final class WorkflowRules {
    private static final Set<Role> REVIEWERS = Set.of(Role.EDITOR, Role.TENANT_ADMIN);
    private static final Set<Role> TEAM = Set.of(Role.WRITER, Role.EDITOR, Role.TENANT_ADMIN);

    /** Who acts: their roles in the post's tenant. The scheduler acts as the system, with no roles. */
    public record Participant(UserId userId, Set<Role> roles, boolean system) {
        public static Participant person(UserId userId, Set<Role> roles) {
            return new Participant(userId, Set.copyOf(roles), false);
        }

        public static Participant scheduler() {
            return new Participant(null, Set.of(), true);
        }

        boolean reviews() {
            return roles.stream().anyMatch(REVIEWERS::contains);
        }

        boolean writes() {
            return roles.stream().anyMatch(TEAM::contains);
        }

        boolean is(UserId other) {
            return userId != null && userId.equals(other);
        }
    }

    /** What the rules need to know of a post: its state, who wrote it and who approved it (if anyone). */
    public record PostFacts(PostStatus status, UserId authorId, UserId approverId) {
    }

    public sealed interface Verdict {
        record Allowed(PostStatus to) implements Verdict {
        }

        /** A refusal as a message key of the core bundle and its arguments. */
        record Refused(String messageKey, List<Object> args) implements Verdict {
        }
    }

    private record Request(WorkflowSteps steps, PostFacts post, PostEvent event, Participant who, String reason) {
    }

    private interface Policy {
        Optional<Verdict.Refused> check(Request request);
    }

    private static final List<Policy> POLICIES = List.of(
            WorkflowRules::stateAllows,
            WorkflowRules::onlyTheSchedulerPublishesOnTime,
            WorkflowRules::teamMembersOnly,
            WorkflowRules::reviewersJudge,
            WorkflowRules::stepsAllow,
            WorkflowRules::writerIsNotTheirOwnReviewer,
            WorkflowRules::approverIsNotAlsoThePublisher,
            WorkflowRules::reasonGiven);

    private WorkflowRules() {
    }

    public static Verdict decide(WorkflowSteps steps, PostFacts post, PostEvent event, Participant who, String reason) {
        Request request = new Request(steps, post, event, who, reason);
        for (Policy policy : POLICIES) {
            Optional<Verdict.Refused> refused = policy.check(request);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        return new Verdict.Allowed(Transitions.of(event).to());
    }

    // "A published post cannot be submitted for review."
    private static Optional<Verdict.Refused> stateAllows(Request r) {
        if (Transitions.of(r.event()).from().contains(r.post().status())) {
            return Optional.empty();
        }
        return refuse("workflow.refused.state", new MessageKey(r.post().status().messageKey()), new MessageKey(r.event().messageKey()));
    }

    private static Optional<Verdict.Refused> onlyTheSchedulerPublishesOnTime(Request r) {
        if ((r.event() == PostEvent.PUBLISH_SCHEDULED) != r.who().system()) {
            return refuse("workflow.refused.scheduler_only", new MessageKey(r.event().messageKey()));
        }
        return Optional.empty();
    }

    private static Optional<Verdict.Refused> teamMembersOnly(Request r) {
        if (r.who().system() || r.who().writes()) {
            return Optional.empty();
        }
        return refuse("workflow.refused.not_in_team");
    }

    // Writers draft and submit their own posts; everything else is an editor's or admin's call.
    private static Optional<Verdict.Refused> reviewersJudge(Request r) {
        if (r.who().system() || r.who().reviews()) {
            return Optional.empty();
        }
        if (r.event() == PostEvent.SUBMIT) {
            return r.who().is(r.post().authorId()) ? Optional.empty() : refuse("workflow.refused.not_author");
        }
        return refuse("workflow.refused.reviewers_only", new MessageKey(r.event().messageKey()));
    }

    // Two steps: published after review. Three steps: approved first, and approval is a step of its own.
    private static Optional<Verdict.Refused> stepsAllow(Request r) {
        if (r.event() == PostEvent.APPROVE && r.steps() != WorkflowSteps.THREE) {
            return refuse("workflow.refused.no_approval_step");
        }
        if ((r.event() == PostEvent.PUBLISH || r.event() == PostEvent.SCHEDULE)
                && !Transitions.liveFrom(r.steps(), r.event()).contains(r.post().status())) {
            return refuse(r.steps() == WorkflowSteps.THREE ? "workflow.refused.needs_approval" : "workflow.refused.needs_review");
        }
        return Optional.empty();
    }

    // "A post cannot be approved or published by its own writer" where the procedure has two or more steps.
    private static Optional<Verdict.Refused> writerIsNotTheirOwnReviewer(Request r) {
        boolean judges = r.event() == PostEvent.APPROVE || r.event() == PostEvent.REQUEST_CHANGES || r.event().goesLive();
        if (judges && r.steps().separatesDuties() && !r.who().system() && r.who().is(r.post().authorId())) {
            return refuse("workflow.refused.own_post", new MessageKey(r.event().messageKey()));
        }
        return Optional.empty();
    }

    // Three steps means three people: the redaktur who publishes is not the editor who approved.
    private static Optional<Verdict.Refused> approverIsNotAlsoThePublisher(Request r) {
        if (r.steps() == WorkflowSteps.THREE && r.event().goesLive() && !r.who().system()
                && r.who().is(r.post().approverId())) {
            return refuse("workflow.refused.approver_publishes");
        }
        return Optional.empty();
    }

    private static Optional<Verdict.Refused> reasonGiven(Request r) {
        if (Transitions.of(r.event()).needsReason() && (r.reason() == null || r.reason().isBlank())) {
            return refuse("workflow.refused.reason_required", new MessageKey(r.event().messageKey()));
        }
        return Optional.empty();
    }

    private static Optional<Verdict.Refused> refuse(String key, Object... args) {
        return Optional.of(new Verdict.Refused(key, List.of(args)));
    }
}
