package id.serambi.core.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.account.SessionService;
import id.serambi.core.support.AccessDeniedException;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.support.NotFoundException;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.Fixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

@MicronautTest(transactional = false)
class PostServiceTest extends DatabaseTest {
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject PostService posts;

    Tenant dinkes;
    Tenant dukcapil;
    Actor dinkesAdmin;
    Actor dukcapilAdmin;

    @BeforeAll
    void twoAgencies() {
        dinkes = Fixtures.tenantWithAdmin(tenants, "dinkes", "Dinas Kesehatan");
        dukcapil = Fixtures.tenantWithAdmin(tenants, "dukcapil", "Dinas Kependudukan dan Pencatatan Sipil");
        dinkesAdmin = Fixtures.signIn(accounts, sessions, "admin-dinkes");
        dukcapilAdmin = Fixtures.signIn(accounts, sessions, "admin-dukcapil");
    }

    @Test
    void a_published_post_keeps_its_first_publication_time_and_is_audited() {
        Post draft = posts.createDraft(dinkesAdmin, "dinkes", new PostDraft("Vaksinasi Polio", null, "<p>Isi</p>", null));
        assertThat(draft.status()).isEqualTo(PostStatus.DRAFT);
        assertThat(draft.firstPublishedAt()).isNull();

        Post published = posts.publish(dinkesAdmin, "dinkes", draft.id());
        assertThat(published.status()).isEqualTo(PostStatus.PUBLISHED);
        assertThat(published.firstPublishedAt()).isNotNull().isEqualTo(published.publishedAt());
        assertThat(auditActions(draft.id())).containsExactly("post.create", "post.publish");
    }

    @Test
    void a_published_post_cannot_be_published_again_and_the_reason_names_its_state() {
        Post post = posts.publish(dinkesAdmin, "dinkes",
                posts.createDraft(dinkesAdmin, "dinkes", new PostDraft("Sekali Terbit", null, "", null)).id());
        assertThatThrownBy(() -> posts.publish(dinkesAdmin, "dinkes", post.id()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).messageKey())
                        .isEqualTo("workflow.refused.state"));
    }

    @Test
    void the_admin_of_one_agency_cannot_read_or_publish_another_agencys_post_by_id() {
        Post theirs = posts.createDraft(dukcapilAdmin, "dukcapil", new PostDraft("Layanan KTP-el", null, "", null));

        // Through their own tenant's path, the other tenant's id is simply not there.
        assertThatThrownBy(() -> posts.get(dinkesAdmin, "dinkes", theirs.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> posts.publish(dinkesAdmin, "dinkes", theirs.id())).isInstanceOf(NotFoundException.class);
        // Through the other tenant's path, the tenant itself is not theirs to see.
        assertThatThrownBy(() -> posts.get(dinkesAdmin, "dukcapil", theirs.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> posts.publish(dinkesAdmin, "dukcapil", theirs.id())).isInstanceOf(NotFoundException.class);

        assertThat(posts.get(dukcapilAdmin, "dukcapil", theirs.id()).status()).isEqualTo(PostStatus.DRAFT);
    }

    @Test
    void a_writer_may_draft_but_not_publish() {
        accounts.createMember(Fixtures.SYSTEM, dinkes.id(),
                new NewAccount("penulis-dinkes", "Penulis Dinkes", null, Fixtures.PASSWORD), Role.WRITER);
        Actor writer = Fixtures.signIn(accounts, sessions, "penulis-dinkes");
        Post draft = posts.createDraft(writer, "dinkes", new PostDraft("Draf Penulis", null, "", null));
        assertThatThrownBy(() -> posts.publish(writer, "dinkes", draft.id()))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("access.denied"));
    }

    @Test
    void script_and_event_handlers_are_removed_from_the_body_on_save() {
        Post post = posts.createDraft(dinkesAdmin, "dinkes", new PostDraft("Aman",
                null, "<p onclick=\"steal()\">Halo<script>alert(1)</script> <a href=\"javascript:x()\">a</a>"
                        + " <a href=\"https://contoh.go.id\">b</a></p><iframe src=\"https://judi.example\"></iframe>", null));
        assertThat(post.bodyHtml()).doesNotContain("script", "onclick", "javascript", "iframe")
                .contains("Halo", "href=\"https://contoh.go.id\"", "rel=\"nofollow noopener noreferrer\"");
    }

    @Test
    void a_second_post_with_the_same_title_gets_a_numbered_slug() {
        Post first = posts.createDraft(dinkesAdmin, "dinkes", new PostDraft("Rapat Koordinasi", null, "", null));
        Post second = posts.createDraft(dinkesAdmin, "dinkes", new PostDraft("Rapat Koordinasi", null, "", null));
        Post otherTenant = posts.createDraft(dukcapilAdmin, "dukcapil", new PostDraft("Rapat Koordinasi", null, "", null));
        assertThat(first.slug()).isEqualTo("rapat-koordinasi");
        assertThat(second.slug()).isEqualTo("rapat-koordinasi-2");
        assertThat(otherTenant.slug()).isEqualTo("rapat-koordinasi");
    }

    @Test
    void a_title_that_would_give_a_path_the_portal_uses_itself_gets_a_numbered_slug() {
        // On an agency's own host "/berita/pengaduan" would be the complaint form of an agency "berita".
        assertThat(posts.createDraft(dinkesAdmin, "dinkes", new PostDraft("Pengaduan", null, "", null)).slug()).isEqualTo("pengaduan-2");
        assertThat(posts.createDraft(dinkesAdmin, "dinkes", new PostDraft("Cari!", null, "", null)).slug()).isEqualTo("cari-2");
        assertThat(posts.createDraft(dinkesAdmin, "dinkes", new PostDraft("Pengaduan Warga", null, "", null)).slug())
                .isEqualTo("pengaduan-warga");
    }

    @Test
    void an_empty_title_and_an_over_long_summary_are_both_reported_and_nothing_is_saved() {
        int before = posts.recent(dinkesAdmin, "dinkes", 1000).size();
        assertThatThrownBy(() -> posts.createDraft(dinkesAdmin, "dinkes", new PostDraft(" ", "x".repeat(501), "", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(error -> error.field() + ":" + error.messageKey())
                        .containsExactly("title:validation.required", "summary:validation.too_long"));
        assertThat(posts.recent(dinkesAdmin, "dinkes", 1000)).hasSize(before);
    }

    private java.util.List<String> auditActions(PostId id) {
        try (var c = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
             var s = c.prepareStatement("select action from audit_log where subject_type = 'post' and subject_id = ? order by id")) {
            s.setString(1, String.valueOf(id.value()));
            var rs = s.executeQuery();
            var actions = new java.util.ArrayList<String>();
            while (rs.next()) {
                actions.add(rs.getString(1));
            }
            return actions;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
