package id.serambi.core.post;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.serambi.core.access.Access;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.audit.AuditService;
import id.serambi.core.cache.CacheGenerations;
import id.serambi.core.i18n.MessageKey;
import id.serambi.core.safety.ContentSafetyService;
import id.serambi.core.safety.HtmlSanitizer;
import id.serambi.core.safety.SafetyReport;
import id.serambi.core.safety.SpamVerdict;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.support.NotFoundException;
import id.serambi.core.support.Validator;
import id.serambi.core.tenant.SlugRules;
import id.serambi.core.tenant.TenantId;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * An agency's posts: drafting and publishing. Bodies are sanitised on save; every change is audited; a
 * publication bumps the portal's cache generations.
 */
@Singleton
public class PostService {
    public static final int TITLE_MAX = 200;
    public static final int SUMMARY_MAX = 500;
    public static final int BODY_MAX = 200_000;
    public static final int OVERRIDE_REASON_MAX = 500;

    private final PostRepository posts;
    private final Access access;
    private final AuditService audit;
    private final HtmlSanitizer sanitizer;
    private final CacheGenerations cache;
    private final ContentSafetyService safety;
    private final Clock clock;

    PostService(PostRepository posts, Access access, AuditService audit, HtmlSanitizer sanitizer,
                CacheGenerations cache, ContentSafetyService safety, Clock clock) {
        this.posts = posts;
        this.access = access;
        this.audit = audit;
        this.sanitizer = sanitizer;
        this.cache = cache;
        this.safety = safety;
        this.clock = clock;
    }

    /** Saves a new draft in the actor's tenant; its slug comes from the title and is unique in the tenant. */
    @Transactional
    public Post createDraft(Actor actor, String tenantSlug, PostDraft draft) {
        TenantId tenant = access.requireInTenant(actor, Action.WRITE_POST, tenantSlug);
        Validator validator = new Validator()
                .require("title", draft.title(), TITLE_MAX)
                .maxLength("summary", draft.summary(), SUMMARY_MAX)
                .maxLength("bodyHtml", draft.bodyHtml(), BODY_MAX);
        PostKind kind = draft.kind() == null || draft.kind().isBlank() ? PostKind.NEWS
                : PostKind.parse(draft.kind()).orElse(null);
        if (kind == null) {
            validator.add(FieldError.of("kind", "validation.kind.unknown"));
        }
        validator.check();
        String title = draft.title().strip();
        String summary = draft.summary() == null || draft.summary().isBlank() ? null : draft.summary().strip();
        // The spam guard reads the raw HTML: sanitising removes the styles that hide text, and the evidence.
        SpamVerdict spam = safety.inspectSubmission(title, summary, draft.bodyHtml());
        if (spam.isSpam()) {
            safety.recordSpamIncident(actor, tenant, null, "draft", title, spam);
            throw new InvalidInputException(new SafetyReport(List.of(), spam, List.of()).spamErrors());
        }
        Post post = posts.insertDraft(tenant, kind, title, freeSlug(tenant, SlugRules.fromTitle(title)), summary,
                sanitizer.clean(draft.bodyHtml()), actor.userId());
        audit.record(actor, tenant, "post.create", "post", String.valueOf(post.id().value()),
                Map.of("title", title, "kind", kind.dbValue()));
        return post;
    }

    /** Publishes a post of the actor's tenant now. A post keeps its first publication time forever. */
    @Transactional
    public Post publish(Actor actor, String tenantSlug, PostId id) {
        return publish(actor, tenantSlug, id, null);
    }

    /**
     * Publishes a post of the actor's tenant now, after the content-safety check: online-gambling spam is
     * refused (and recorded as a security incident); personal data is refused unless
     * {@code personalDataOverrideReason} is given by an editor or the agency's admin, and that reason is
     * audited.
     */
    @Transactional
    public Post publish(Actor actor, String tenantSlug, PostId id, String personalDataOverrideReason) {
        TenantId tenant = access.requireInTenant(actor, Action.PUBLISH_POST, tenantSlug);
        Post post = posts.findForUpdate(tenant, id).orElseThrow(() -> new NotFoundException("post " + id.value()));
        if (!Set.of(PostStatus.DRAFT, PostStatus.APPROVED, PostStatus.UNPUBLISHED).contains(post.status())) {
            throw new InvalidInputException(FieldError.of("status", "validation.post.not_publishable",
                    new MessageKey(post.status().messageKey())));
        }
        SafetyReport report = safety.checkStoredPost(tenant, id.value(), post.title(), post.summary(), post.bodyHtml());
        if (report.blocksAsSpam()) {
            safety.recordSpamIncident(actor, tenant, id.value(), "publish", post.title(), report.spam());
            throw new InvalidInputException(report.spamErrors());
        }
        if (report.hasPersonalData()) {
            overridePersonalData(actor, tenantSlug, tenant, post, report, personalDataOverrideReason);
        }
        Post published = posts.markPublished(tenant, id, OffsetDateTime.now(clock));
        audit.record(actor, tenant, "post.publish", "post", String.valueOf(id.value()),
                Map.of("title", post.title(), "from", post.status().dbValue()));
        cache.bump(tenant);
        return published;
    }

    /** A post of the tenant; another tenant's post answers exactly like a missing one. */
    @ReadOnly
    public Post get(Actor actor, String tenantSlug, PostId id) {
        TenantId tenant = access.requireInTenant(actor, Action.READ_POSTS, tenantSlug);
        return posts.find(tenant, id).orElseThrow(() -> new NotFoundException("post " + id.value()));
    }

    /** The tenant's most recently changed posts, newest first. */
    @ReadOnly
    public List<Post> recent(Actor actor, String tenantSlug, int limit) {
        TenantId tenant = access.requireInTenant(actor, Action.READ_POSTS, tenantSlug);
        return posts.latest(tenant, limit);
    }

    private void overridePersonalData(Actor actor, String tenantSlug, TenantId tenant, Post post, SafetyReport report,
                                      String reason) {
        if (reason == null || reason.isBlank()) {
            java.util.List<FieldError> errors = new java.util.ArrayList<>(report.personalDataErrors());
            errors.add(FieldError.of("overrideReason", "validation.safety.personal_data_override_hint"));
            throw new InvalidInputException(errors);
        }
        access.requireInTenant(actor, Action.OVERRIDE_PERSONAL_DATA_CHECK, tenantSlug);
        new Validator().maxLength("overrideReason", reason, OVERRIDE_REASON_MAX).check();
        audit.record(actor, tenant, "post.personal_data_override", "post", String.valueOf(post.id().value()),
                Map.of("title", post.title(), "reason", reason.strip(), "findings", report.personalDataSummary()));
    }

    private String freeSlug(TenantId tenant, String base) {
        Set<String> taken = posts.slugsLike(tenant, base);
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = SlugRules.withSuffix(base, n);
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }
}
