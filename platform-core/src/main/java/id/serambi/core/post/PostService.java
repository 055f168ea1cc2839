package id.serambi.core.post;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.serambi.core.access.Access;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.audit.AuditService;
import id.serambi.core.cache.CacheGenerations;
import id.serambi.core.account.Role;
import id.serambi.core.media.MediaFile;
import id.serambi.core.media.MediaId;
import id.serambi.core.media.MediaItem;
import id.serambi.core.media.MediaService;
import id.serambi.core.safety.ContentSafetyService;
import id.serambi.core.safety.PdfText;
import id.serambi.core.safety.PostAttachments;
import id.serambi.core.safety.HtmlSanitizer;
import id.serambi.core.safety.SafetyReport;
import id.serambi.core.safety.SpamVerdict;
import id.serambi.core.support.AccessDeniedException;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.support.NotFoundException;
import id.serambi.core.support.Validator;
import id.serambi.core.tenant.SlugRules;
import id.serambi.core.tenant.TenantId;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import id.serambi.core.workflow.PostEvent;
import id.serambi.core.workflow.WorkflowEvents;
import id.serambi.core.workflow.WorkflowRules;
import id.serambi.core.workflow.WorkflowSteps;
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
    public static final int SEO_DESCRIPTION_MAX = 300;

    private final PostRepository posts;
    private final Access access;
    private final AuditService audit;
    private final HtmlSanitizer sanitizer;
    private final CacheGenerations cache;
    private final ContentSafetyService safety;
    private final Clock clock;
    private final WorkflowEvents workflow;
    private final ZoneId zone;
    private final PostRevisions revisions;
    private final MediaService media;
    private final PostDetailsRules details;
    private final PostExtrasRepository extras;

    PostService(PostRevisions revisions, PostRepository posts, Access access, AuditService audit, HtmlSanitizer sanitizer,
                CacheGenerations cache, ContentSafetyService safety, Clock clock, WorkflowEvents workflow, ZoneId zone,
                MediaService media, PostDetailsRules details, PostExtrasRepository extras) {
        this.media = media;
        this.details = details;
        this.extras = extras;
        this.revisions = revisions;
        this.safety = safety;
        this.workflow = workflow;
        this.zone = zone;
        this.posts = posts;
        this.access = access;
        this.audit = audit;
        this.sanitizer = sanitizer;
        this.cache = cache;
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
        KindFields fields = kind == null ? null : details.resolve(validator, tenant, kind, draft.details(), null);
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
                sanitizer.clean(draft.bodyHtml()), actor.userId(), fields);
        if (fields.gallery() != null && !fields.gallery().isEmpty()) {
            extras.replaceGallery(tenant, post.id(), fields.gallery());
        }
        revisions.add(tenant, post.id(), contentOf(post), actor.userId(), actor.isPlatformUser(), null, post.createdAt());
        audit.record(actor, tenant, "post.create", "post", String.valueOf(post.id().value()),
                Map.of("title", title, "kind", kind.dbValue()));
        return post;
    }

    /** Publishes a post of the actor's tenant now, as far as the tenant's workflow allows. */
    @Transactional
    public Post publish(Actor actor, String tenantSlug, PostId id) {
        return publish(actor, tenantSlug, id, null);
    }

    /**
     * Publishes now, with the reason an editor gives for publishing although the personal-data scan found
     * something (see {@link #transition(Actor, String, PostId, PostEvent, String, OffsetDateTime, String)}).
     */
    @Transactional
    public Post publish(Actor actor, String tenantSlug, PostId id, String personalDataOverrideReason) {
        return transition(actor, tenantSlug, id, PostEvent.PUBLISH, null, null, personalDataOverrideReason);
    }

    @Transactional
    public Post transition(Actor actor, String tenantSlug, PostId id, PostEvent event, String note, OffsetDateTime scheduledAt) {
        return transition(actor, tenantSlug, id, event, note, scheduledAt, null);
    }

    /**
     * Moves a post through the editorial workflow: the tenant's number of steps, the person's roles and the
     * separation of duties decide ({@link WorkflowRules}); a refusal comes back as a 400 that says why in
     * words. Every transition is recorded as a workflow event and in the audit trail, in one transaction.
     *
     * @param note the reviewer's comment or the reason (required to send back, unpublish or archive)
     * @param scheduledAt when a {@link PostEvent#SCHEDULE}d post goes live; must lie in the future
     * @param personalDataOverrideReason before a post goes live it passes the content-safety check: spam is
     *        refused and recorded as a security incident; personal data is refused unless an editor or the
     *        site admin gives this reason, which is audited
     */
    @Transactional
    public Post transition(Actor actor, String tenantSlug, PostId id, PostEvent event, String note, OffsetDateTime scheduledAt,
                           String personalDataOverrideReason) {
        TenantId tenant = access.requireInTenant(actor, actionFor(event), tenantSlug);
        Post post = posts.findForUpdate(tenant, id).orElseThrow(() -> new NotFoundException("post " + id.value()));
        WorkflowSteps steps = WorkflowSteps.of(posts.workflowSteps(tenant));
        var facts = new WorkflowRules.PostFacts(post.status(), post.authorId(),
                workflow.currentApprover(tenant, id).orElse(null));
        var verdict = WorkflowRules.decide(steps, facts, event, participant(actor, tenantSlug, event), note);
        if (verdict instanceof WorkflowRules.Verdict.Refused refused) {
            throw new InvalidInputException(new FieldError("status", refused.messageKey(), refused.args()));
        }
        PostStatus to = ((WorkflowRules.Verdict.Allowed) verdict).to();
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (event == PostEvent.SCHEDULE && (scheduledAt == null || !scheduledAt.isAfter(now))) {
            throw new InvalidInputException(FieldError.of("scheduledAt", "validation.post.schedule_in_future"));
        }
        if (event == PostEvent.PUBLISH || event == PostEvent.SCHEDULE) {
            requireSafeContent(actor, tenantSlug, tenant, post, event, personalDataOverrideReason);
        }
        Post moved = to == PostStatus.PUBLISHED ? posts.markPublished(tenant, id, now)
                : posts.setStatus(tenant, id, to, to == PostStatus.SCHEDULED ? scheduledAt : null, now);
        workflow.record(tenant, id, event, post.status(), to, actor.userId(), note, now);
        Map<String, String> detail = new java.util.HashMap<>(Map.of("title", post.title(), "from", post.status().dbValue(),
                "to", to.dbValue()));
        if (note != null && !note.isBlank()) {
            detail.put("note", note.strip());
        }
        audit.record(actor, tenant, "post." + event.dbValue(), "post", String.valueOf(id.value()), detail);
        if (post.status() == PostStatus.PUBLISHED || to == PostStatus.PUBLISHED) {
            cache.bump(tenant);
        }
        return moved;
    }

    /**
     * The events this person could fire on the post now, so a page offers only buttons that will work (a
     * reason, where one is needed, is asked for with the button).
     */
    @ReadOnly
    public List<PostEvent> possibleEvents(Actor actor, String tenantSlug, PostId id) {
        TenantId tenant = access.requireInTenant(actor, Action.READ_POSTS, tenantSlug);
        Post post = posts.find(tenant, id).orElseThrow(() -> new NotFoundException("post " + id.value()));
        WorkflowSteps steps = WorkflowSteps.of(posts.workflowSteps(tenant));
        var facts = new WorkflowRules.PostFacts(post.status(), post.authorId(),
                workflow.currentApprover(tenant, id).orElse(null));
        List<PostEvent> possible = new java.util.ArrayList<>();
        for (PostEvent event : PostEvent.values()) {
            if (!event.isAutomatic() && WorkflowRules.decide(steps, facts, event,
                    participant(actor, tenantSlug, event), "—") instanceof WorkflowRules.Verdict.Allowed) {
                possible.add(event);
            }
        }
        return possible;
    }

    /**
     * A step as a form or the API sends it. Whether the person is on the site's team is checked before the
     * request is read, so a stranger learns nothing from a malformed request either.
     */
    @Transactional
    public Post step(Actor actor, String tenantSlug, PostId id, PostStep step) {
        access.requireInTenant(actor, Action.WRITE_POST, tenantSlug);
        PostEvent event = parseEvent(step.event());
        OffsetDateTime at = event == PostEvent.SCHEDULE ? parseTime(step.scheduledAt()) : null;
        return transition(actor, tenantSlug, id, event, step.note(), at, step.personalDataOverrideReason());
    }

    private static PostEvent parseEvent(String value) {
        try {
            PostEvent event = PostEvent.fromDb(value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT));
            if (!event.isAutomatic()) {
                return event;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new InvalidInputException(FieldError.of("event", "validation.workflow.event"));
    }

    private OffsetDateTime parseTime(String value) {
        String text = value == null ? "" : value.strip();
        try {
            return OffsetDateTime.parse(text);
        } catch (java.time.format.DateTimeParseException withoutOffset) {
            try {
                return java.time.LocalDateTime.parse(text).atZone(zone).toOffsetDateTime();
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidInputException(FieldError.of("scheduledAt", "validation.workflow.scheduled_at"));
            }
        }
    }

    /** Scheduled posts whose time has come, oldest first: what {@link SchedulePublisher} works through. */
    @ReadOnly
    public List<PostRepository.DueSchedule> dueSchedules(int limit) {
        return posts.dueSchedules(OffsetDateTime.now(clock), limit);
    }

    /**
     * One scheduled post: its row lock makes nodes that run at the same moment take turns, and the one that
     * comes second finds it already published and leaves it.
     */
    @Transactional
    public boolean publishOnSchedule(String tenantSlug, PostId id) {
        Actor scheduler = Actor.system("scheduler");
        TenantId tenant = access.requireInTenant(scheduler, Action.PUBLISH_POST, tenantSlug);
        Post post = posts.findForUpdate(tenant, id).orElse(null);
        if (post == null || post.status() != PostStatus.SCHEDULED || post.scheduledAt().isAfter(OffsetDateTime.now(clock))) {
            return false;
        }
        transition(scheduler, tenantSlug, id, PostEvent.PUBLISH_SCHEDULED, null, null, null);
        return true;
    }

    /** The post's way through the workflow so far, oldest first, with the notes people left. */
    @ReadOnly
    public List<WorkflowEvents.Entry> history(Actor actor, String tenantSlug, PostId id) {
        TenantId tenant = access.requireInTenant(actor, Action.READ_POSTS, tenantSlug);
        posts.find(tenant, id).orElseThrow(() -> new NotFoundException("post " + id.value()));
        return workflow.history(tenant, id);
    }

    private void requireSafeContent(Actor actor, String tenantSlug, TenantId tenant, Post post, PostEvent event,
                                    String personalDataOverrideReason) {
        SafetyReport report = safety.checkStoredPost(tenant, post.id().value(), post.title(), post.summary(), post.bodyHtml(),
                documentFile(tenant, post));
        if (report.blocksAsSpam()) {
            // The incident's stage is "publish" for a schedule and a live edit too (V9 allows draft and publish only).
            safety.recordSpamIncident(actor, tenant, post.id().value(), "publish", post.title(), report.spam());
            throw new InvalidInputException(report.spamErrors());
        }
        requireUsableImages(tenant, post.bodyHtml());
        List<FieldError> incomplete = details.publicationProblems(tenant, post, extras.gallery(tenant, post.id()));
        if (!incomplete.isEmpty()) {
            throw new InvalidInputException(incomplete);
        }
        if (report.hasPersonalData()) {
            overridePersonalData(actor, tenantSlug, tenant, post, report, personalDataOverrideReason);
        }
    }

    /**
     * A PPID document's PDF, read for the personal-data scan before it is published for anyone to download. At
     * most one byte past the extraction's limit is read: a larger file is reported as too large, not loaded.
     */
    private List<PostAttachments.Attachment> documentFile(TenantId tenant, Post post) {
        if (post.kind() != PostKind.DOCUMENT || post.documentMediaId() == null) {
            return List.of();
        }
        List<PostAttachments.Attachment> files = new java.util.ArrayList<>();
        for (MediaItem item : media.inLibrary(tenant, List.of(post.documentMediaId()))) {
            if (!"application/pdf".equals(item.contentType()) || !item.variants().contains("original")) {
                continue;
            }
            MediaFile file = media.openStored(tenant, item.id(), item.kind(), item.contentType(), item.fileName(),
                    item.variants(), "original");
            try (InputStream in = file.content()) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, PdfText.Limits.DEFAULT.maxBytes() + 1));
                files.add(new PostAttachments.Attachment(item.fileName(), item.contentType(), bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /**
     * Why this person publishing the post now would be refused (the workflow's rules and the content checks),
     * without refusing or recording anything: what the edit form shows after a "save and publish" was refused.
     * Empty when nothing stands in the way.
     */
    @ReadOnly
    public List<FieldError> publicationProblems(Actor actor, String tenantSlug, PostId id) {
        TenantId tenant = access.requireInTenant(actor, Action.READ_POSTS, tenantSlug);
        Post post = posts.find(tenant, id).orElseThrow(() -> new NotFoundException("post " + id.value()));
        List<FieldError> problems = new java.util.ArrayList<>();
        var facts = new WorkflowRules.PostFacts(post.status(), post.authorId(), workflow.currentApprover(tenant, id).orElse(null));
        if (WorkflowRules.decide(WorkflowSteps.of(posts.workflowSteps(tenant)), facts, PostEvent.PUBLISH,
                participant(actor, tenantSlug, PostEvent.PUBLISH), null) instanceof WorkflowRules.Verdict.Refused refused) {
            problems.add(new FieldError("status", refused.messageKey(), refused.args()));
        }
        SafetyReport report = safety.checkStoredPost(tenant, post.id().value(), post.title(), post.summary(), post.bodyHtml(),
                documentFile(tenant, post));
        if (report.blocksAsSpam()) {
            problems.addAll(report.spamErrors());
            return problems;
        }
        try {
            requireUsableImages(tenant, post.bodyHtml());
        } catch (InvalidInputException refused) {
            problems.addAll(refused.errors());
        }
        problems.addAll(details.publicationProblems(tenant, post, extras.gallery(tenant, post.id())));
        if (report.hasPersonalData()) {
            problems.addAll(report.personalDataErrors());
            problems.add(FieldError.of("overrideReason", "validation.safety.personal_data_override_hint"));
        }
        return problems;
    }

    /** A gallery's photos and videos in order (empty for other kinds). */
    @ReadOnly
    public List<GalleryItem> gallery(Actor actor, String tenantSlug, PostId id) {
        TenantId tenant = access.requireInTenant(actor, Action.READ_POSTS, tenantSlug);
        posts.find(tenant, id).orElseThrow(() -> new NotFoundException("post " + id.value()));
        return extras.gallery(tenant, id);
    }

    /** The district's categories, in their order: the same for every agency. */
    @ReadOnly
    public List<Category> categories() {
        return details.categories();
    }

    /** {@link #categories()} for a person choosing one in a tenant's newsroom (checked like reading its posts). */
    @ReadOnly
    public List<Category> categories(Actor actor, String tenantSlug) {
        access.requireInTenant(actor, Action.READ_POSTS, tenantSlug);
        return details.categories();
    }

    /**
     * Images in a live body must be the agency's own library items (the sanitiser already allows only media
     * addresses) and each must have alt text. Both refusals are on "bodyHtml", where the editor shows them. The
     * media service reads inside this transaction and throws nothing there, so a refusal rolls back cleanly.
     */
    private void requireUsableImages(TenantId tenant, String bodyHtml) {
        Set<MediaId> used = imagesIn(bodyHtml);
        Set<MediaId> foreign = media.notInLibrary(tenant, used);
        if (!foreign.isEmpty()) {
            throw new InvalidInputException(FieldError.of("bodyHtml", "validation.post.image_not_in_library",
                    foreign.stream().map(MediaId::toString).collect(java.util.stream.Collectors.joining(", "))));
        }
        List<MediaItem> missing = media.missingAltText(tenant, used);
        if (!missing.isEmpty()) {
            throw new InvalidInputException(FieldError.of("bodyHtml", "media.alt_text.required_for_publish",
                    missing.stream().map(MediaItem::fileName).collect(java.util.stream.Collectors.joining(", "))));
        }
    }

    private static final java.util.regex.Pattern IMG_TAG = java.util.regex.Pattern.compile("<img\\b[^>]*>",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /** The media ids shown as images (src and srcset) in a sanitised body; links to documents are not images. */
    static Set<MediaId> imagesIn(String bodyHtml) {
        Set<MediaId> ids = new java.util.LinkedHashSet<>();
        if (bodyHtml != null) {
            java.util.regex.Matcher tag = IMG_TAG.matcher(bodyHtml);
            while (tag.find()) {
                ids.addAll(MediaService.referencedIn(tag.group()));
            }
        }
        return ids;
    }

    private void overridePersonalData(Actor actor, String tenantSlug, TenantId tenant, Post post, SafetyReport report,
                                      String reason) {
        if (reason == null || reason.isBlank()) {
            List<FieldError> errors = new java.util.ArrayList<>(report.personalDataErrors());
            errors.add(FieldError.of("overrideReason", "validation.safety.personal_data_override_hint"));
            throw new InvalidInputException(errors);
        }
        access.requireInTenant(actor, Action.OVERRIDE_PERSONAL_DATA_CHECK, tenantSlug);
        new Validator().maxLength("overrideReason", reason, OVERRIDE_REASON_MAX).check();
        audit.record(actor, tenant, "post.personal_data_override", "post", String.valueOf(post.id().value()),
                Map.of("title", post.title(), "reason", reason.strip(), "findings", report.personalDataSummary()));
    }

    private static Action actionFor(PostEvent event) {
        return switch (event) {
            case SUBMIT -> Action.WRITE_POST;
            case PUBLISH, SCHEDULE, PUBLISH_SCHEDULED -> Action.PUBLISH_POST;
            default -> Action.REVIEW_POST;
        };
    }

    // A system actor (the scheduler, the command line) stands outside the newsroom: on a schedule it is the
    // scheduler; otherwise it acts with a site admin's rights but is nobody's author or approver.
    private static WorkflowRules.Participant participant(Actor actor, String tenantSlug, PostEvent event) {
        if (actor.isSystem()) {
            return event == PostEvent.PUBLISH_SCHEDULED ? WorkflowRules.Participant.scheduler()
                    : new WorkflowRules.Participant(null, Set.of(Role.TENANT_ADMIN), false);
        }
        return WorkflowRules.Participant.person(actor.userId(), actor.rolesIn(tenantSlug));
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

    /**
     * Saves a post's new content as its next revision. A writer may edit only their own post, and only while
     * it is a draft or was sent back; editors and the site admin may edit any post of the site. A published
     * post stays published: the change is live at once, so it passes the same content check as a publication,
     * its public page says "Diperbarui", and the portal's caches are renewed.
     */
    @Transactional
    public Post update(Actor actor, String tenantSlug, PostId id, PostEdit edit) {
        TenantId tenant = access.requireInTenant(actor, Action.EDIT_POST, tenantSlug);
        Post post = posts.findForUpdate(tenant, id).orElseThrow(() -> new NotFoundException("post " + id.value()));
        requireMayEdit(actor, tenantSlug, tenant, post);
        return saveEdit(actor, tenantSlug, tenant, post, edit);
    }

    /**
     * Kominfo's revision of an agency's post (moderation, issue 5): saved like the newsroom's own edit, as the
     * next revision, marked as made by the platform so the agency sees who changed it. Only where the tenant
     * lets Kominfo edit ({@code tenant.platform_may_edit}); a deleted post is not revised. The moderation
     * service records the reason and tells the agency.
     */
    @Transactional
    public Post reviseByPlatform(Actor actor, String tenantSlug, PostId id, PostEdit edit) {
        TenantId tenant = access.requireInTenant(actor, Action.MODERATE_POST, tenantSlug);
        Post post = posts.findForUpdate(tenant, id).orElseThrow(() -> new NotFoundException("post " + id.value()));
        if (!posts.platformMayEdit(tenant)) {
            audit.recordRefusal(actor, tenant, "post.platform_revise_refused", "post", String.valueOf(id.value()),
                    Map.of("title", post.title()));
            throw new AccessDeniedException("moderation.revise_not_allowed");
        }
        if (posts.isDeleted(tenant, id)) {
            throw new InvalidInputException(FieldError.of("reason", "moderation.refused.deleted"));
        }
        return saveEdit(actor, tenantSlug, tenant, post, edit);
    }

    private Post saveEdit(Actor actor, String tenantSlug, TenantId tenant, Post post, PostEdit edit) {
        PostId id = post.id();
        Validator validator = new Validator()
                .require("title", edit.title(), TITLE_MAX)
                .maxLength("summary", edit.summary(), SUMMARY_MAX)
                .maxLength("bodyHtml", edit.bodyHtml(), BODY_MAX)
                .maxLength("seoDescription", edit.seoDescription(), SEO_DESCRIPTION_MAX);
        String slug = edit.slug() == null || edit.slug().isBlank() ? post.slug() : edit.slug().strip();
        checkSlug(validator, tenant, id, slug);
        OffsetDateTime displayDate = parseDisplayDate(validator, edit.displayDate());
        KindFields fields = details.resolve(validator, tenant, post.kind(), edit.details(), post);
        validator.check();
        String title = edit.title().strip();
        String summary = blankToNull(edit.summary());
        String rawBody = edit.bodyHtml() == null ? "" : edit.bodyHtml();
        PostContent content = new PostContent(title, slug, summary, sanitizer.clean(rawBody), displayDate,
                blankToNull(edit.seoDescription()), fields.categoryId(), fields.tags(), fields.featuredMediaId());
        return save(actor, tenantSlug, tenant, post, content, fields, rawBody, null, edit.personalDataOverrideReason());
    }

    /** Makes an old revision the post's content again, as a new revision that names the one it restores. */
    @Transactional
    public Post restore(Actor actor, String tenantSlug, PostId id, int number, String personalDataOverrideReason) {
        TenantId tenant = access.requireInTenant(actor, Action.EDIT_POST, tenantSlug);
        Post post = posts.findForUpdate(tenant, id).orElseThrow(() -> new NotFoundException("post " + id.value()));
        requireMayEdit(actor, tenantSlug, tenant, post);
        PostRevision old = revisions.get(tenant, id, number);
        Validator validator = new Validator();
        checkSlug(validator, tenant, id, old.content().slug());
        validator.check();
        // The kind's own fields (menu place, PPID file, gallery) are not in revisions and stay as they are.
        return save(actor, tenantSlug, tenant, post, old.content(), null, old.content().bodyHtml(), number,
                personalDataOverrideReason);
    }

    /** The post, for its edit form: refused (403/404) exactly as a save would be. */
    @Transactional
    public Post editable(Actor actor, String tenantSlug, PostId id) {
        TenantId tenant = access.requireInTenant(actor, Action.EDIT_POST, tenantSlug);
        Post post = posts.find(tenant, id).orElseThrow(() -> new NotFoundException("post " + id.value()));
        requireMayEdit(actor, tenantSlug, tenant, post);
        return post;
    }

    /**
     * {@link #restore(Actor, String, PostId, int, String)} with the number as a path or form sends it, read only
     * after the access check.
     */
    @Transactional
    public Post restore(Actor actor, String tenantSlug, PostId id, String number, String personalDataOverrideReason) {
        access.requireInTenant(actor, Action.EDIT_POST, tenantSlug);
        return restore(actor, tenantSlug, id, PostRevisions.number("number", number), personalDataOverrideReason);
    }

    /** {@link #revision(Actor, String, PostId, int)} with the number as text, read only after the access check. */
    @ReadOnly
    public PostRevision revision(Actor actor, String tenantSlug, PostId id, String number) {
        access.requireInTenant(actor, Action.READ_POSTS, tenantSlug);
        return revision(actor, tenantSlug, id, PostRevisions.number("number", number));
    }

    /** Whether this person may edit the post now: what decides whether the console offers the edit link. */
    @ReadOnly
    public boolean mayEdit(Actor actor, String tenantSlug, PostId id) {
        TenantId tenant;
        try {
            tenant = access.requireInTenant(actor, Action.EDIT_POST, tenantSlug);
        } catch (AccessDeniedException | NotFoundException refused) {
            return false;
        }
        return posts.find(tenant, id).map(post -> editRefusal(actor, tenantSlug, post) == null).orElse(false);
    }

    /** The post's revisions, newest first. */
    @ReadOnly
    public List<PostRevision> revisions(Actor actor, String tenantSlug, PostId id) {
        TenantId tenant = access.requireInTenant(actor, Action.READ_POSTS, tenantSlug);
        posts.find(tenant, id).orElseThrow(() -> new NotFoundException("post " + id.value()));
        return revisions.list(tenant, id);
    }

    @ReadOnly
    public PostRevision revision(Actor actor, String tenantSlug, PostId id, int number) {
        TenantId tenant = access.requireInTenant(actor, Action.READ_POSTS, tenantSlug);
        posts.find(tenant, id).orElseThrow(() -> new NotFoundException("post " + id.value()));
        return revisions.get(tenant, id, number);
    }

    /**
     * Two revisions side by side, given as the form or the API sends them (numbers as text, parsed after the
     * access check so a stranger learns nothing from a malformed request).
     */
    @ReadOnly
    public RevisionDiff compare(Actor actor, String tenantSlug, PostId id, String from, String to) {
        TenantId tenant = access.requireInTenant(actor, Action.READ_POSTS, tenantSlug);
        posts.find(tenant, id).orElseThrow(() -> new NotFoundException("post " + id.value()));
        return revisions.compare(tenant, id, from, to);
    }

    private Post save(Actor actor, String tenantSlug, TenantId tenant, Post post, PostContent content, KindFields fields,
                      String rawBody, Integer restoredFrom, String personalDataOverrideReason) {
        boolean live = post.status() == PostStatus.PUBLISHED || post.status() == PostStatus.SCHEDULED;
        // The spam guard reads the raw HTML, as at creation: sanitising would remove the hidden text it looks for.
        SpamVerdict spam = safety.inspectSubmission(content.title(), content.summary(), rawBody);
        if (spam.isSpam()) {
            safety.recordSpamIncident(actor, tenant, post.id().value(), live ? "publish" : "draft", content.title(), spam);
            throw new InvalidInputException(new SafetyReport(List.of(), spam, List.of()).spamErrors());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<String> changed = PostRevisions.changedFields(contentOf(post), content);
        Post saved = posts.updateContent(tenant, post.id(), content, now, post.firstPublishedAt() != null);
        if (fields != null) {
            changed.addAll(changedKindFields(tenant, post, fields));
            saved = posts.updateKindFields(tenant, post.id(), fields);
            if (fields.gallery() != null) {
                extras.replaceGallery(tenant, post.id(), fields.gallery());
            }
        }
        if (post.status() == PostStatus.APPROVED && !changed.isEmpty()) {
            saved = resetApproval(actor, tenant, saved, now);
        }
        if (live) {
            // Live (or about to be) without another look from the workflow: the publication check runs now.
            requireSafeContent(actor, tenantSlug, tenant, saved, PostEvent.PUBLISH, personalDataOverrideReason);
        }
        int number = revisions.add(tenant, post.id(), content, actor.userId(), actor.isPlatformUser(), restoredFrom, now);
        Map<String, String> detail = new java.util.LinkedHashMap<>();
        detail.put("title", content.title());
        detail.put("revision", String.valueOf(number));
        detail.put("status", post.status().dbValue());
        detail.put("changed", String.join(",", changed));
        if (restoredFrom != null) {
            detail.put("restoredFrom", String.valueOf(restoredFrom));
        }
        audit.record(actor, tenant, restoredFrom == null ? "post.update" : "post.restore", "post",
                String.valueOf(post.id().value()), detail);
        if (post.status() == PostStatus.PUBLISHED) {
            cache.bump(tenant);
        }
        return saved;
    }

    /**
     * The approver approved this content; changed content goes back to review, whoever changed it (the author
     * or an editor), so nobody publishes text no second person has seen. Recorded as a workflow event.
     */
    private Post resetApproval(Actor actor, TenantId tenant, Post post, OffsetDateTime now) {
        Post back = posts.setStatus(tenant, post.id(), PostStatus.IN_REVIEW, null, now);
        workflow.record(tenant, post.id(), PostEvent.APPROVAL_RESET, PostStatus.APPROVED, PostStatus.IN_REVIEW,
                actor.userId(), null, now);
        audit.record(actor, tenant, "post." + PostEvent.APPROVAL_RESET.dbValue(), "post", String.valueOf(post.id().value()),
                Map.of("title", post.title(), "from", PostStatus.APPROVED.dbValue(), "to", PostStatus.IN_REVIEW.dbValue()));
        return back;
    }

    private List<String> changedKindFields(TenantId tenant, Post before, KindFields after) {
        List<String> changed = new java.util.ArrayList<>();
        if (!java.util.Objects.equals(before.menuPosition(), after.menuPosition())) changed.add("menuPosition");
        if (!java.util.Objects.equals(before.documentMediaId(), after.documentMediaId())) changed.add("documentMediaId");
        if (before.documentCategory() != after.documentCategory()) changed.add("documentCategory");
        if (!java.util.Objects.equals(before.documentYear(), after.documentYear())) changed.add("documentYear");
        if (after.gallery() != null && !after.gallery().equals(extras.gallery(tenant, before.id()))) changed.add("gallery");
        return changed;
    }

    private void requireMayEdit(Actor actor, String tenantSlug, TenantId tenant, Post post) {
        String refusal = editRefusal(actor, tenantSlug, post);
        if (refusal != null) {
            audit.recordRefusal(actor, tenant, "post.update_refused", "post", String.valueOf(post.id().value()),
                    Map.of("title", post.title(), "status", post.status().dbValue()));
            throw new AccessDeniedException(refusal);
        }
    }

    // Editors and the site admin edit any post; a writer edits their own until it is handed over for review.
    private static String editRefusal(Actor actor, String tenantSlug, Post post) {
        if (actor.isSystem()) {
            return null;
        }
        Set<Role> roles = actor.rolesIn(tenantSlug);
        if (roles.contains(Role.TENANT_ADMIN) || roles.contains(Role.EDITOR)) {
            return null;
        }
        if (post.authorId() == null || !post.authorId().equals(actor.userId())) {
            return "access.post.not_own";
        }
        if (post.status() != PostStatus.DRAFT && post.status() != PostStatus.CHANGES_REQUESTED) {
            return "access.post.handed_over";
        }
        return null;
    }

    private void checkSlug(Validator validator, TenantId tenant, PostId self, String slug) {
        if (!SlugRules.isValidPostSlug(slug)) {
            validator.add(FieldError.of("slug", "validation.post_slug.format", SlugRules.POST_SLUG_MAX));
        } else if (SlugRules.isReservedPostSlug(slug)) {
            validator.add(FieldError.of("slug", "validation.post_slug.reserved"));
        } else if (posts.slugTakenByOther(tenant, slug, self)) {
            validator.add(FieldError.of("slug", "validation.post_slug.taken"));
        }
    }

    // A date alone means the start of that day in the portal's time zone.
    private OffsetDateTime parseDisplayDate(Validator validator, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text);
        } catch (java.time.format.DateTimeParseException notWithOffset) {
            try {
                return java.time.LocalDateTime.parse(text).atZone(zone).toOffsetDateTime();
            } catch (java.time.format.DateTimeParseException notLocal) {
                try {
                    return java.time.LocalDate.parse(text).atStartOfDay(zone).toOffsetDateTime();
                } catch (java.time.format.DateTimeParseException e) {
                    validator.add(FieldError.of("displayDate", "validation.post.display_date"));
                    return null;
                }
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static PostContent contentOf(Post post) {
        return new PostContent(post.title(), post.slug(), post.summary(), post.bodyHtml(), post.displayDate(),
                post.seoDescription(), post.categoryId(), post.tags(), post.featuredMediaId());
    }

    private String freeSlug(TenantId tenant, String base) {
        Set<String> taken = new java.util.HashSet<>(posts.slugsLike(tenant, base));
        taken.addAll(SlugRules.RESERVED_POST_SLUGS);
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
