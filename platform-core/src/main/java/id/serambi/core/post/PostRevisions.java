package id.serambi.core.post;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import id.serambi.core.safety.HtmlText;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.NotFoundException;
import id.serambi.core.support.Validator;
import id.serambi.core.tenant.TenantId;
import jakarta.inject.Singleton;

/**
 * The revisions of a post: reading them, the side-by-side comparison, and numbering a new one. Access checks
 * and the post's row lock stay with {@link PostService}, the feature's public face, which calls this after
 * them.
 */
@Singleton
class PostRevisions {
    private final RevisionRepository revisions;
    private final ZoneId zone;

    PostRevisions(RevisionRepository revisions, ZoneId zone) {
        this.revisions = revisions;
        this.zone = zone;
    }

    /** Saves {@code content} as the post's next revision (the caller holds the post's row lock); its number. */
    int add(TenantId tenant, PostId post, PostContent content, id.serambi.core.account.UserId author, boolean byPlatform,
            Integer restoredFrom, OffsetDateTime at) {
        return revisions.insert(tenant, post, content, author, byPlatform, restoredFrom, at);
    }

    /** Newest first. */
    List<PostRevision> list(TenantId tenant, PostId post) {
        return revisions.list(tenant, post);
    }

    PostRevision get(TenantId tenant, PostId post, int number) {
        return revisions.find(tenant, post, number)
                .orElseThrow(() -> new NotFoundException("revision " + number + " of post " + post.value()));
    }

    /** Two revisions side by side, their numbers as text (a malformed one is a field error). */
    RevisionDiff compare(TenantId tenant, PostId post, String from, String to) {
        Validator validator = new Validator();
        Integer a = parseNumber(validator, "from", from);
        Integer b = parseNumber(validator, "to", to);
        validator.check();
        PostRevision left = get(tenant, post, a);
        PostRevision right = get(tenant, post, b);
        PostContent l = left.content();
        PostContent r = right.content();
        return new RevisionDiff(left, right, List.of(
                new RevisionDiff.Field("title", TextDiff.sideBySide(l.title(), r.title())),
                new RevisionDiff.Field("slug", TextDiff.sideBySide(l.slug(), r.slug())),
                new RevisionDiff.Field("displayDate", TextDiff.sideBySide(dateText(l.displayDate()), dateText(r.displayDate()))),
                new RevisionDiff.Field("summary", TextDiff.sideBySide(l.summary(), r.summary())),
                new RevisionDiff.Field("seoDescription", TextDiff.sideBySide(l.seoDescription(), r.seoDescription())),
                new RevisionDiff.Field("tags", TextDiff.sideBySide(String.join(", ", l.tags()), String.join(", ", r.tags()))),
                new RevisionDiff.Field("bodyHtml", TextDiff.sideBySide(HtmlText.of(l.bodyHtml()),
                        HtmlText.of(r.bodyHtml())))));
    }

    /** A revision number as a path or form sends it. */
    static int number(String field, String value) {
        Validator validator = new Validator();
        Integer n = parseNumber(validator, field, value);
        validator.check();
        return n;
    }

    /** The fields of the content that differ, for the audit trail and to tell whether anything changed. */
    static List<String> changedFields(PostContent before, PostContent after) {
        List<String> changed = new java.util.ArrayList<>();
        if (!before.title().equals(after.title())) changed.add("title");
        if (!before.slug().equals(after.slug())) changed.add("slug");
        if (!java.util.Objects.equals(before.summary(), after.summary())) changed.add("summary");
        if (!before.bodyHtml().equals(after.bodyHtml())) changed.add("bodyHtml");
        if (!java.util.Objects.equals(before.displayDate(), after.displayDate())) changed.add("displayDate");
        if (!java.util.Objects.equals(before.seoDescription(), after.seoDescription())) changed.add("seoDescription");
        if (!java.util.Objects.equals(before.categoryId(), after.categoryId())) changed.add("categoryId");
        if (!before.tags().equals(after.tags())) changed.add("tags");
        if (!java.util.Objects.equals(before.featuredMediaId(), after.featuredMediaId())) changed.add("featuredMediaId");
        return changed;
    }

    private static Integer parseNumber(Validator validator, String field, String value) {
        try {
            int n = Integer.parseInt(value == null ? "" : value.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        validator.add(FieldError.of(field, "validation.revision.number"));
        return null;
    }

    private String dateText(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(zone).toLocalDateTime().toString().replace('T', ' ');
    }
}
