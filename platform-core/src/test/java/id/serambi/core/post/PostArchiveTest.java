package id.serambi.core.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.account.SessionService;
import id.serambi.core.i18n.Messages;
import id.serambi.core.portal.PortalPost;
import id.serambi.core.portal.PortalQueries;
import id.serambi.core.portal.PortalReading;
import id.serambi.core.portal.ReaderPost;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.workflow.PostEvent;
import id.serambi.core.workflow.WorkflowEvents;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/**
 * Archiving, as readers see it: an archived post leaves the district portal, the agency's site and its own
 * address, and the reason the editor gave stays in the post's history and the audit trail.
 */
@MicronautTest(transactional = false)
class PostArchiveTest extends DatabaseTest {
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject PostService posts;
    @Inject WorkflowEvents events;
    @Inject PortalQueries portal;
    @Inject PortalReading reading;

    Tenant dispar;
    Actor editor;

    @BeforeAll
    void anAgencyWithAnEditor() {
        dispar = Fixtures.tenantWithAdmin(tenants, "dispar", "Dinas Pariwisata");
        accounts.createMember(Fixtures.SYSTEM, dispar.id(), new NewAccount("editor-dispar", "Uji editor", null, Fixtures.PASSWORD),
                Role.EDITOR, false);
        editor = Fixtures.signIn(accounts, sessions, "editor-dispar");
    }

    private Post published(String title) {
        Post draft = posts.createDraft(editor, "dispar", new PostDraft(title, "Ringkasan.", "<p>Isi berita.</p>", null));
        Post post = posts.publish(editor, "dispar", draft.id());
        assertThat(readersSee(post)).as("published: readers see it").containsExactly(true, true, true, true);
        return post;
    }

    @Test
    void an_archived_post_leaves_the_portal_and_the_agency_site_and_keeps_its_reason() {
        Post post = published("Festival Budaya 2024");

        assertThatThrownBy(() -> posts.transition(editor, "dispar", post.id(), PostEvent.ARCHIVE, " ", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(
                        Messages.of(Messages.INDONESIAN).get(e.errors().get(0).messageKey(), e.errors().get(0).args().toArray()))
                        .isEqualTo("Tuliskan alasan mengapa tulisan diarsipkan."));
        assertThat(readersSee(post)).as("a refused archive changes nothing").containsExactly(true, true, true, true);

        String reason = "Acara sudah lewat; informasi tidak berlaku lagi.";
        Post archived = posts.transition(editor, "dispar", post.id(), PostEvent.ARCHIVE, reason, null);

        assertThat(archived.status()).isEqualTo(PostStatus.ARCHIVED);
        assertThat(readersSee(post)).as("district list, agency list, agency site, own address")
                .containsExactly(false, false, false, false);
        var last = events.history(dispar.id(), post.id()).getLast();
        assertThat(last.event()).isEqualTo(PostEvent.ARCHIVE);
        assertThat(last.from()).isEqualTo(PostStatus.PUBLISHED);
        assertThat(last.note()).isEqualTo(reason);
        assertThat(last.actor()).isEqualTo(editor.userId());
        assertThat(auditNotes(post, "post.archive")).containsExactly(reason);
    }

    @Test
    void a_withdrawn_post_can_be_archived_too_and_reopening_does_not_bring_it_back_to_readers() {
        Post post = published("Promo Wisata Akhir Tahun");
        posts.transition(editor, "dispar", post.id(), PostEvent.UNPUBLISH, "Harga promo berubah.", null);
        assertThat(readersSee(post)).containsExactly(false, false, false, false);
        posts.transition(editor, "dispar", post.id(), PostEvent.ARCHIVE, "Promo dibatalkan.", null);
        Post reopened = posts.transition(editor, "dispar", post.id(), PostEvent.REOPEN, null, null);
        assertThat(reopened.status()).isEqualTo(PostStatus.DRAFT);
        assertThat(readersSee(post)).as("a draft again, not live").containsExactly(false, false, false, false);
        assertThat(events.history(dispar.id(), post.id())).extracting(WorkflowEvents.Entry::event)
                .containsExactly(PostEvent.PUBLISH, PostEvent.UNPUBLISH, PostEvent.ARCHIVE, PostEvent.REOPEN);
    }

    /** Whether readers find the post: district list, agency's latest, agency's news list, the post's own address. */
    private List<Boolean> readersSee(Post post) {
        boolean district = portal.latestOnPortal(500).stream().map(PortalPost::id).anyMatch(id -> id == post.id().value());
        boolean agency = portal.latestOfTenant(dispar.id(), 500).stream().map(PortalPost::id).anyMatch(id -> id == post.id().value());
        boolean agencyList = reading.list(PortalReading.Scope.agency(dispar.id()), PortalReading.Filter.kinds("news"), 1, 100)
                .items().stream().map(ReaderPost::id).anyMatch(id -> id == post.id().value());
        boolean page = reading.post(dispar.id(), "news", post.slug()).isPresent();
        return List.of(district, agency, agencyList, page);
    }

    private List<String> auditNotes(Post post, String action) {
        return id.serambi.core.testing.DirectSql.query(database, db -> db.fetch(
                "select detail->>'note' from audit_log where action = ? and subject_id = ? order by id", action,
                String.valueOf(post.id().value())).getValues(0, String.class));
    }
}
