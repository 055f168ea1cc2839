package id.serambi.core.moderation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.serambi.core.access.Access;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.audit.AuditService;
import id.serambi.core.cache.CacheGenerations;
import id.serambi.core.i18n.Messages;
import id.serambi.core.mail.MailService;
import id.serambi.core.mail.MailSettings;
import id.serambi.core.notify.NotificationService;
import id.serambi.core.notify.Recipients;
import id.serambi.core.post.Post;
import id.serambi.core.post.PostEdit;
import id.serambi.core.post.PostId;
import id.serambi.core.post.PostService;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.support.NotFoundException;
import id.serambi.core.support.Validator;
import id.serambi.core.tenant.TenantId;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Kominfo's moderation of agency posts on the district portal (seed 001: Kominfo supervises every agency post
 * and may revise and delete). Every action needs a reason, is audited, is kept in {@code moderation_action}
 * (the tenant's moderation history), tells the tenant's admins (in-app and by mail through the outbox),
 * resolves coordinators' open flags on the post, clears a post-moderated post's "not yet reviewed" mark, and
 * renews the portal's caches. What the tenant's mode means for the queue is told in {@code PortalModeration}.
 */
@Singleton
public class ModerationService {
    public static final int REASON_MAX = 1000;
    static final int QUEUE_LIMIT = 200;
    static final int SPAM_DAYS = 30;

    private final ModerationRepository repository;
    private final Access access;
    private final AuditService audit;
    private final CacheGenerations cache;
    private final NotificationService notifications;
    private final Recipients recipients;
    private final MailService mail;
    private final MailSettings mailSettings;
    private final PostService posts;
    private final Clock clock;

    ModerationService(ModerationRepository repository, Access access, AuditService audit, CacheGenerations cache,
                      NotificationService notifications, Recipients recipients, MailService mail,
                      MailSettings mailSettings, PostService posts, Clock clock) {
        this.repository = repository;
        this.access = access;
        this.audit = audit;
        this.cache = cache;
        this.notifications = notifications;
        this.recipients = recipients;
        this.mail = mail;
        this.mailSettings = mailSettings;
        this.posts = posts;
        this.clock = clock;
    }

    /** The moderation queue across all agencies: Kominfo's staff and admins only. */
    @ReadOnly
    public ModerationQueue queue(Actor actor) {
        access.require(actor, Action.VIEW_MODERATION);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return new ModerationQueue(now, repository.waiting(now, QUEUE_LIMIT), repository.unreviewed(now, QUEUE_LIMIT),
                repository.openFlags(QUEUE_LIMIT),
                repository.spamHits(now.minusDays(SPAM_DAYS), QUEUE_LIMIT));
    }

    /** The tenant's moderation history, newest first: Kominfo, and the agency's own admins. */
    @ReadOnly
    public List<ModerationEntry> history(Actor actor, String tenantSlug, int limit) {
        TenantId tenant = access.requireInTenant(actor, Action.VIEW_MODERATION, tenantSlug);
        return repository.history(tenant, null, Math.max(1, Math.min(limit, 500)));
    }

    /** One post's moderation history, newest first. */
    @ReadOnly
    public List<ModerationEntry> postHistory(Actor actor, String tenantSlug, PostId id) {
        TenantId tenant = access.requireInTenant(actor, Action.VIEW_MODERATION, tenantSlug);
        repository.find(tenant, id).orElseThrow(() -> new NotFoundException("post " + id.value()));
        return repository.history(tenant, id, 500);
    }

    /** Where the post stands for moderation (for the moderation form on the post's page). */
    @ReadOnly
    public ModeratedPost post(Actor actor, String tenantSlug, PostId id) {
        TenantId tenant = access.requireInTenant(actor, Action.VIEW_MODERATION, tenantSlug);
        return repository.find(tenant, id).orElseThrow(() -> new NotFoundException("post " + id.value()));
    }

    /** The actions the rules allow on the post now (revise only where the tenant lets Kominfo edit). */
    @ReadOnly
    public List<ModerationAction> possibleActions(Actor actor, String tenantSlug, PostId id) {
        TenantId tenant = access.requireInTenant(actor, Action.MODERATE_POST, tenantSlug);
        ModeratedPost post = repository.find(tenant, id).orElseThrow(() -> new NotFoundException("post " + id.value()));
        OffsetDateTime now = OffsetDateTime.now(clock);
        return java.util.Arrays.stream(ModerationAction.values())
                .filter(a -> a != ModerationAction.REVISE || post.platformMayEdit())
                .filter(a -> ModerationRules.refusal(a, post, now).isEmpty())
                .toList();
    }

    /**
     * Takes a moderation action other than a revision, named as a form or the API sends it ("approve", "hide",
     * "remove", "delete", "restore", "dismiss"); the action and reason are read only after the access check.
     * A refusal by the rules comes back as a 400 that says why.
     */
    @Transactional
    public ModeratedPost act(Actor actor, String tenantSlug, PostId id, String actionName, String reason) {
        TenantId tenant = access.requireInTenant(actor, Action.MODERATE_POST, tenantSlug);
        ModeratedPost post = repository.lock(tenant, id).orElseThrow(() -> new NotFoundException("post " + id.value()));
        ModerationAction action = ModerationAction.parse(actionName).filter(a -> a != ModerationAction.REVISE)
                .orElseThrow(() -> new InvalidInputException(FieldError.of("action", "moderation.action.unknown")));
        String why = requireReason(reason);
        OffsetDateTime now = OffsetDateTime.now(clock);
        ModerationRules.refusal(action, post, now).ifPresent(key -> {
            throw new InvalidInputException(FieldError.of("action", key));
        });
        Map<String, String> detail = new LinkedHashMap<>();
        switch (action) {
            case APPROVE -> changePortalState(tenant, post, "visible", detail);
            case HIDE -> changePortalState(tenant, post, "hidden", detail);
            case REMOVE -> changePortalState(tenant, post, "removed", detail);
            case DELETE -> {
                repository.setDeletedAt(tenant, id, now);
                detail.put("deleted", "true");
            }
            case RESTORE -> {
                if (post.deleted()) {
                    repository.setDeletedAt(tenant, id, null);
                    detail.put("deleted", "false");
                } else {
                    changePortalState(tenant, post, "visible", detail);
                }
            }
            case DISMISS, REVISE -> {
                // A dismissal only resolves the flags below; a revision goes through revise().
            }
        }
        record(actor, tenant, post, action, why, detail, now);
        return repository.find(tenant, id).orElseThrow();
    }

    /**
     * Kominfo revises the post's content (a new revision marked as the platform's, shown so to the agency), only
     * where the tenant allows it; the same content checks as the newsroom's own save apply.
     */
    @Transactional
    public Post revise(Actor actor, String tenantSlug, PostId id, PostEdit edit, String reason) {
        TenantId tenant = access.requireInTenant(actor, Action.MODERATE_POST, tenantSlug);
        ModeratedPost post = repository.lock(tenant, id).orElseThrow(() -> new NotFoundException("post " + id.value()));
        String why = requireReason(reason);
        Post saved = posts.reviseByPlatform(actor, tenantSlug, id, edit);
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("title", saved.title());
        record(actor, tenant, post, ModerationAction.REVISE, why, detail, OffsetDateTime.now(clock));
        return saved;
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(FieldError.of("reason", "moderation.reason.required"));
        }
        new Validator().maxLength("reason", reason, REASON_MAX).check();
        return reason.strip();
    }

    private void changePortalState(TenantId tenant, ModeratedPost post, String to, Map<String, String> detail) {
        repository.setPortalState(tenant, post.id(), to);
        detail.put("portalStateBefore", post.portalState());
        detail.put("portalStateAfter", to);
    }

    private void record(Actor actor, TenantId tenant, ModeratedPost post, ModerationAction action, String reason,
                        Map<String, String> detail, OffsetDateTime now) {
        int flags = repository.resolveFlags(tenant, post.id(), actor.userId(), now);
        if (post.unreviewed()) {
            // Whatever Kominfo did, it has looked at the post: it leaves the post-moderation review list.
            repository.markReviewed(tenant, post.id());
            detail.put("reviewed", "true");
        }
        if (flags > 0) {
            detail.put("flagsResolved", String.valueOf(flags));
        }
        long rowId = repository.insertAction(tenant, post.id(), action, reason, actor.userId(), actor.displayName(),
                AuditService.toJson(detail), now);
        Map<String, String> auditDetail = new LinkedHashMap<>(detail);
        auditDetail.put("title", post.title());
        auditDetail.put("reason", reason);
        audit.record(actor, tenant, "moderation." + action.dbValue(), "post", String.valueOf(post.id().value()),
                auditDetail);
        cache.bump(tenant);
        // "Approve" on a post the portal already shows (post-moderation) means "seen, keep it": said so to the agency.
        String notice = action == ModerationAction.APPROVE && post.unreviewed() && "visible".equals(post.portalState())
                ? "notify.moderation.reviewed" : "notify.moderation." + action.dbValue();
        tellTheAgency(tenant, post, action, notice, reason, rowId);
    }

    // In-app to each admin of the agency, and by mail (through the outbox) to those who have an address.
    private void tellTheAgency(TenantId tenant, ModeratedPost post, ModerationAction action, String notice, String reason,
                               long rowId) {
        if (action == ModerationAction.DISMISS) {
            return; // nothing changed for the agency
        }
        String link = "/admin/t/" + post.tenantSlug() + "/berita/" + post.id().value();
        var admins = recipients.tenantAdmins(tenant);
        var notified = notifications.send(admins.stream().map(Recipients.Recipient::userId).toList(), tenant,
                "moderation." + action.dbValue(), notice, List.of(post.title(), reason),
                link, "moderation:" + rowId);
        String actionName = Messages.of(Messages.INDONESIAN).get(action.messageKey());
        for (var admin : admins) {
            if (admin.email() != null && notified.contains(admin.userId())) {
                mail.enqueue(tenant, "moderation_action", admin.email(), Messages.INDONESIAN, post.tenantName(),
                        post.title(), actionName, reason, mailSettings.consoleBaseUrl() + link);
            }
        }
    }
}
