package id.serambi.core.coordination;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.serambi.core.access.Access;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.audit.AuditService;
import id.serambi.core.notify.NotificationService;
import id.serambi.core.notify.Recipients;
import id.serambi.core.post.PostId;
import id.serambi.core.support.AccessDeniedException;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.support.NotFoundException;
import id.serambi.core.support.Validator;
import id.serambi.core.tenant.TenantId;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * The coordinators' side (Bupati, Wakil Bupati, Sekda, Asisten; Kominfo too): the review stream of every
 * agency's published news, newest first, and marks on a post (noted, commended, flagged, with a note). A flag
 * lands in Kominfo's moderation queue. Coordinators read everything and change no content: a mark is theirs,
 * the post is untouched. (The newsroom's own review queue is {@code review.ReviewQueueService}.)
 */
@Singleton
public class CoordinationService {
    public static final int NOTE_MAX = 1000;

    private final CoordinationRepository repository;
    private final Access access;
    private final AuditService audit;
    private final NotificationService notifications;
    private final Recipients recipients;
    private final Clock clock;
    private final ZoneId zone;

    CoordinationService(CoordinationRepository repository, Access access, AuditService audit,
                        NotificationService notifications, Recipients recipients, Clock clock, ZoneId zone) {
        this.repository = repository;
        this.access = access;
        this.audit = audit;
        this.notifications = notifications;
        this.recipients = recipients;
        this.clock = clock;
        this.zone = zone;
    }

    /** One page of the aggregated news across agencies, newest first, as the filter narrows it. */
    @ReadOnly
    public ReviewStream stream(Actor actor, StreamFilter filter) {
        access.require(actor, Action.READ_REVIEW_STREAM);
        int size = StreamFilter.PAGE_SIZE;
        List<StreamItem> rows = repository.stream(filter, zone, (filter.page() - 1) * size, size + 1);
        boolean hasNext = rows.size() > size;
        return new ReviewStream(filter, hasNext ? rows.subList(0, size) : rows, hasNext, repository.agencies(),
                repository.categories());
    }

    /** The agencies whose news the stream shows, by name (for filters and the disposition form). */
    @ReadOnly
    public List<ReviewStream.Choice> agencies(Actor actor) {
        access.require(actor, Action.READ_REVIEW_STREAM);
        return repository.agencies();
    }

    /** The marks a post has received, newest first. */
    @ReadOnly
    public List<ReviewMark> marks(Actor actor, String tenantSlug, PostId post) {
        TenantId tenant = access.requireInTenant(actor, Action.READ_POSTS, tenantSlug);
        if (!repository.exists(tenant, post)) {
            throw new NotFoundException("post " + post.value());
        }
        return repository.marks(tenant, post);
    }

    /**
     * Marks a published post noted, commended or flagged ("noted", "commended", "flagged" as a form sends it,
     * read after the access check). A flag needs a note saying what is wrong. A commendation is passed on to the
     * agency's admins.
     */
    @Transactional
    public ReviewMark mark(Actor actor, String tenantSlug, PostId post, String kind, String note) {
        TenantId tenant = access.requireInTenant(actor, Action.MARK_POST, tenantSlug);
        if (actor.isSystem()) {
            throw new AccessDeniedException("coordination.mark.by_person");
        }
        String title = repository.publishedTitle(tenant, post)
                .orElseThrow(() -> new NotFoundException("published post " + post.value()));
        Validator validator = new Validator();
        MarkKind mark = MarkKind.parse(kind).orElse(null);
        if (mark == null) {
            validator.add(FieldError.of("mark", "coordination.mark.unknown"));
        }
        if (mark == MarkKind.FLAGGED && (note == null || note.isBlank())) {
            validator.add(FieldError.of("note", "coordination.mark.flag_needs_note"));
        }
        validator.maxLength("note", note, NOTE_MAX).check();
        String text = note == null || note.isBlank() ? null : note.strip();
        ReviewMark saved = repository.insert(tenant, post, mark, text, actor.userId(), OffsetDateTime.now(clock));
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("title", title);
        detail.put("mark", mark.dbValue());
        if (text != null) {
            detail.put("note", text);
        }
        audit.record(actor, tenant, "review_mark." + mark.dbValue(), "post", String.valueOf(post.value()), detail);
        if (mark == MarkKind.COMMENDED) {
            notifications.send(recipients.tenantAdmins(tenant).stream().map(Recipients.Recipient::userId).toList(),
                    tenant, "review_mark.commended", "notify.review_mark.commended",
                    List.of(title, actor.displayName()), "/admin/t/" + tenantSlug + "/berita/" + post.value(),
                    "review_mark:" + saved.id());
        }
        return saved;
    }

}
