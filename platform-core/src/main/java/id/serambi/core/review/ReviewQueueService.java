package id.serambi.core.review;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.serambi.core.access.Access;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.account.Role;
import id.serambi.core.audit.AuditService;
import id.serambi.core.post.PostId;
import id.serambi.core.post.PostService;
import id.serambi.core.post.PostStatus;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.support.Validator;
import id.serambi.core.tenant.TenantId;
import id.serambi.core.workflow.WorkflowSteps;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * The newsroom's review queue (seed 003): which posts wait for someone, since when, against the tenant's time
 * standard for that step, overdue ones marked; the standards themselves; and review comments that leave a
 * post where it is.
 */
@Singleton
public class ReviewQueueService {
    public static final int COMMENT_MAX = 2000;
    /** The states in which a post waits for a person: an editor, the redaktur, or its writer. */
    public static final Set<PostStatus> WAITING = EnumSet.of(PostStatus.IN_REVIEW, PostStatus.APPROVED,
            PostStatus.CHANGES_REQUESTED);
    private static final Set<Role> SEE_WHOLE_NEWSROOM = EnumSet.of(Role.EDITOR, Role.TENANT_ADMIN);

    private final ReviewRepository repository;
    private final Access access;
    private final AuditService audit;
    private final PostService posts;
    private final Clock clock;

    ReviewQueueService(ReviewRepository repository, Access access, AuditService audit, PostService posts, Clock clock) {
        this.repository = repository;
        this.access = access;
        this.audit = audit;
        this.posts = posts;
        this.clock = clock;
    }

    /**
     * The queue as this person may see it: editors, site admins and Kominfo see the whole newsroom; a writer
     * sees where their own posts stand.
     */
    @ReadOnly
    public ReviewQueue queue(Actor actor, String tenantSlug) {
        TenantId tenant = access.requireInTenant(actor, Action.READ_POSTS, tenantSlug);
        boolean whole = actor.isSystem() || actor.hasPlatformRole(Action.READ_POSTS.platformRoles())
                || actor.rolesIn(tenantSlug).stream().anyMatch(SEE_WHOLE_NEWSROOM::contains);
        ReviewStandards standards = repository.standards(tenant);
        WorkflowSteps steps = WorkflowSteps.of(repository.workflowSteps(tenant));
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<ReviewQueue.Item> items = repository.waiting(tenant, WAITING, whole ? null : actor.userId()).stream()
                .map(w -> new ReviewQueue.Item(w.id(), w.title(), w.kind(), w.status(), w.authorId(), w.authorName(),
                        w.since(), Math.max(0, Duration.between(w.since(), now).toMinutes()),
                        standards.minutesFor(w.status(), steps)))
                .toList();
        return new ReviewQueue(items, standards, steps, whole, now);
    }

    @ReadOnly
    public ReviewStandards standards(Actor actor, String tenantSlug) {
        return repository.standards(access.requireInTenant(actor, Action.VIEW_TENANT, tenantSlug));
    }

    /**
     * Sets the tenant's time standards from what a form or the API sent (whole minutes, 1 to a week each);
     * audited with the values before and after.
     */
    @Transactional
    public ReviewStandards setStandards(Actor actor, String tenantSlug, Map<String, String> minutes) {
        TenantId tenant = access.requireInTenant(actor, Action.SET_TENANT_WORKFLOW, tenantSlug);
        List<FieldError> errors = new ArrayList<>();
        int editing = minutes(minutes, "editingMinutes", errors);
        int correction = minutes(minutes, "correctionMinutes", errors);
        int finalCheck = minutes(minutes, "finalCheckMinutes", errors);
        int publication = minutes(minutes, "publicationMinutes", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ReviewStandards before = repository.standardsForUpdate(tenant);
        ReviewStandards after = new ReviewStandards(editing, correction, finalCheck, publication);
        repository.saveStandards(tenant, after);
        audit.record(actor, tenant, "tenant.review_standards", "tenant", tenantSlug,
                Map.of("from", describe(before), "to", describe(after)));
        return after;
    }

    private static int minutes(Map<String, String> form, String field, List<FieldError> errors) {
        String text = form.get(field) == null ? "" : form.get(field).strip();
        try {
            int value = Integer.parseInt(text);
            if (value >= ReviewStandards.MIN_MINUTES && value <= ReviewStandards.MAX_MINUTES) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        // As text: a number argument would be grouped by the locale ("10.080").
        errors.add(FieldError.of(field, "validation.review.minutes", String.valueOf(ReviewStandards.MIN_MINUTES),
                String.valueOf(ReviewStandards.MAX_MINUTES)));
        return 0;
    }

    private static String describe(ReviewStandards s) {
        return "editing=" + s.editingMinutes() + ", correction=" + s.correctionMinutes() + ", final_check="
                + s.finalCheckMinutes() + ", publication=" + s.publicationMinutes();
    }

    /** A review comment: said to the post's team, recorded in its history, and the post stays where it is. */
    @Transactional
    public PostComment comment(Actor actor, String tenantSlug, PostId post, String body) {
        TenantId tenant = access.requireInTenant(actor, Action.COMMENT_ON_POST, tenantSlug);
        posts.get(actor, tenantSlug, post);
        new Validator().require("comment", body, COMMENT_MAX).check();
        if (actor.userId() == null) {
            throw new InvalidInputException(FieldError.of("comment", "validation.review.comment_by_person"));
        }
        String text = body.strip();
        OffsetDateTime now = OffsetDateTime.now(clock);
        repository.insertComment(tenant, post, actor.userId(), text, now);
        audit.record(actor, tenant, "post.comment", "post", String.valueOf(post.value()), Map.of("comment", text));
        return new PostComment(actor.userId(), actor.displayName(), text, now);
    }

    /** A post's transitions and comments together, oldest first: the post page's history. */
    @ReadOnly
    public List<HistoryLine> history(Actor actor, String tenantSlug, PostId post) {
        TenantId tenant = access.requireInTenant(actor, Action.READ_POSTS, tenantSlug);
        List<HistoryLine> lines = new ArrayList<>();
        posts.history(actor, tenantSlug, post).forEach(e -> lines.add(new HistoryLine(e.at(), e, null)));
        repository.comments(tenant, post).forEach(c -> lines.add(new HistoryLine(c.at(), null, c)));
        // Stable: a comment made in the same instant as a transition stays after it.
        lines.sort(Comparator.comparing(HistoryLine::at));
        return lines;
    }

    /** The comments alone, oldest first (for the API). */
    @ReadOnly
    public List<PostComment> comments(Actor actor, String tenantSlug, PostId post) {
        TenantId tenant = access.requireInTenant(actor, Action.READ_POSTS, tenantSlug);
        posts.get(actor, tenantSlug, post);
        return repository.comments(tenant, post);
    }

    /** The standards keyed by form field, for pages that show the form again. */
    public static Map<String, String> asForm(ReviewStandards s) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("editingMinutes", String.valueOf(s.editingMinutes()));
        form.put("correctionMinutes", String.valueOf(s.correctionMinutes()));
        form.put("finalCheckMinutes", String.valueOf(s.finalCheckMinutes()));
        form.put("publicationMinutes", String.valueOf(s.publicationMinutes()));
        return form;
    }
}
