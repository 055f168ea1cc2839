package id.serambi.core.safety;

import static id.serambi.core.jooq.public_.Tables.SECURITY_INCIDENT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jooq.Condition;
import org.jooq.impl.DSL;

import id.serambi.core.access.Access;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.audit.AuditService;
import id.serambi.core.tenant.TenantId;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Content safety, the feature's public face: checks a post's title, summary, body and attached PDFs for
 * personal data and online-gambling spam, and records the incidents the spam guard raises.
 *
 * <p>Publishing calls {@link #checkStoredPost}; saving a draft calls {@link #inspectSubmission} on the raw
 * HTML, because the sanitiser removes the styles that hide text (and so the evidence of hiding).
 */
@Singleton
public class ContentSafetyService {
    public static final String INCIDENT_GAMBLING_SPAM = "gambling_spam";

    private final PersonalDataScanner scanner;
    private final SpamGuard guard;
    private final PostAttachments attachments;
    private final SecurityIncidentRepository incidents;
    private final SecurityIncidentNotifier notifier;
    private final AuditService audit;
    private final Access access;

    ContentSafetyService(PersonalDataScanner scanner, SpamGuard guard, PostAttachments attachments,
                         SecurityIncidentRepository incidents, SecurityIncidentNotifier notifier, AuditService audit,
                         Access access) {
        this.scanner = scanner;
        this.guard = guard;
        this.attachments = attachments;
        this.incidents = incidents;
        this.notifier = notifier;
        this.audit = audit;
        this.access = access;
    }

    /** A post's content as submitted or stored; {@code bodyHtml} may be raw or sanitised. */
    public record PostContent(String title, String summary, String bodyHtml, List<PostAttachments.Attachment> attachments) {
        public PostContent {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }
    }

    /** Everything the check finds in {@code content}. Field names match the post form's. */
    public SafetyReport check(PostContent content) {
        List<PersonalDataFinding> personal = new ArrayList<>();
        personal.addAll(scanner.scanText("title", content.title()));
        personal.addAll(scanner.scanText("summary", content.summary()));
        personal.addAll(scanner.scanHtml("bodyHtml", content.bodyHtml()));
        List<String> attachmentTexts = new ArrayList<>();
        List<SafetyReport.AttachmentScan> scans = new ArrayList<>();
        for (PostAttachments.Attachment attachment : content.attachments()) {
            if (!attachment.isPdf()) {
                continue;
            }
            PdfText.Result text = PdfText.extract(attachment.bytes(), PdfText.Limits.DEFAULT);
            scans.add(new SafetyReport.AttachmentScan(attachment.name(), text.outcome(), text.pagesRead(), text.pageCount()));
            attachmentTexts.add(text.text());
            personal.addAll(scanner.scanText("attachments", text.text()));
        }
        SpamVerdict spam = guard.inspect(content.title(), content.summary(), content.bodyHtml(), attachmentTexts);
        return new SafetyReport(personal, spam, scans);
    }

    /** How much text on either side of a finding the editor shows. */
    static final int HIGHLIGHT_CONTEXT = 40;

    /**
     * The personal data in a post's title, summary and body as the editor highlights it, in field order and then
     * by position. Attachments are not included: their findings are named in the publication refusal.
     */
    public List<PersonalDataHighlight> personalDataHighlights(String title, String summary, String bodyHtml) {
        List<PersonalDataHighlight> highlights = new ArrayList<>();
        addHighlights(highlights, "title", title == null ? "" : title);
        addHighlights(highlights, "summary", summary == null ? "" : summary);
        addHighlights(highlights, "bodyHtml", HtmlText.of(bodyHtml));
        return List.copyOf(highlights);
    }

    private void addHighlights(List<PersonalDataHighlight> highlights, String field, String text) {
        for (PersonalDataFinding f : scanner.scanText(field, text)) {
            int from = Math.max(0, f.start() - HIGHLIGHT_CONTEXT);
            int to = Math.min(text.length(), f.end() + HIGHLIGHT_CONTEXT);
            // The context stays within the finding's paragraph: another paragraph would only confuse.
            int lineStart = text.lastIndexOf('\n', f.start() - 1) + 1;
            int lineEnd = text.indexOf('\n', f.end());
            from = Math.max(from, lineStart);
            to = Math.min(to, lineEnd < 0 ? text.length() : lineEnd);
            int paragraph = (int) text.substring(0, f.start()).chars().filter(c -> c == '\n').count() + 1;
            highlights.add(new PersonalDataHighlight(f.kind(), field, paragraph, f.start(), f.end(),
                    text.substring(from, f.start()), text.substring(f.start(), f.end()), text.substring(f.end(), to),
                    from > lineStart, to < (lineEnd < 0 ? text.length() : lineEnd)));
        }
    }

    /** The check of a stored post, with the attachments the media library knows for it. */
    public SafetyReport checkStoredPost(TenantId tenant, long postId, String title, String summary, String bodyHtml) {
        return checkStoredPost(tenant, postId, title, summary, bodyHtml, List.of());
    }

    /**
     * The check of a stored post with files the post itself names besides its attachments (a PPID document's
     * file), so that what the portal offers for download is read like the rest.
     */
    public SafetyReport checkStoredPost(TenantId tenant, long postId, String title, String summary, String bodyHtml,
                                        List<PostAttachments.Attachment> ownFiles) {
        List<PostAttachments.Attachment> all = new ArrayList<>(ownFiles);
        all.addAll(attachments.of(tenant, postId));
        return check(new PostContent(title, summary, bodyHtml, all));
    }

    /** The spam guard alone, on content as typed or pasted (raw HTML, before sanitising). */
    public SpamVerdict inspectSubmission(String title, String summary, String rawBodyHtml) {
        return guard.inspect(title, summary, rawBodyHtml, List.of());
    }

    /**
     * Records that the spam guard stopped {@code title} at {@code stage} ("draft" or "publish"), in a
     * transaction of its own: the refusal that follows rolls the caller's work back, not the evidence. Also
     * writes the audit entry and tells the platform admins (through {@link SecurityIncidentNotifier}).
     */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public SecurityIncident recordSpamIncident(Actor actor, TenantId tenant, Long postId, String stage, String title,
                                               SpamVerdict verdict) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("title", title == null ? "" : title.length() > 200 ? title.substring(0, 200) : title);
        detail.put("verdict", verdict.level().name());
        detail.put("reasons", verdict.reasons().stream()
                .map(r -> r.kind().name().toLowerCase(java.util.Locale.ROOT) + " in " + r.field() + ": " + r.detail())
                .collect(Collectors.joining("; ")));
        SecurityIncident incident = incidents.insert(tenant, postId, INCIDENT_GAMBLING_SPAM, stage,
                AuditService.toJson(detail), actor);
        Map<String, String> auditDetail = new LinkedHashMap<>(detail);
        auditDetail.put("incident", String.valueOf(incident.id()));
        auditDetail.put("stage", stage);
        audit.record(actor, tenant, "post.spam_blocked", "post", postId == null ? null : String.valueOf(postId),
                auditDetail);
        notifier.incidentRecorded(incident);
        return incident;
    }

    /**
     * Recent incidents, newest first: Kominfo's admins see every tenant (or one, with {@code tenantSlug}); an
     * agency admin sees only their own.
     */
    @ReadOnly
    public List<SecurityIncident> incidents(Actor actor, String tenantSlug, int limit) {
        Condition where = DSL.trueCondition();
        if (actor.hasPlatformRole(Action.VIEW_AUDIT.platformRoles())) {
            if (tenantSlug != null) {
                where = where.and(id.serambi.core.jooq.public_.Tables.TENANT.SLUG.eq(tenantSlug));
            }
        } else {
            TenantId tenant = access.requireInTenant(actor, Action.VIEW_AUDIT, tenantSlug);
            where = where.and(SECURITY_INCIDENT.TENANT_ID.eq(tenant.value()));
        }
        return incidents.list(where, limit);
    }
}
