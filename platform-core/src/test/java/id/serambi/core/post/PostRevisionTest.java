package id.serambi.core.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.time.ZoneId;

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
import id.serambi.core.workflow.PostEvent;
import id.serambi.core.workflow.WorkflowSettings;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** Every save is a revision: numbering, who may save, slugs, restores and comparisons, against the real database. */
@MicronautTest(transactional = false)
class PostRevisionTest extends DatabaseTest {
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject PostService posts;
    @Inject WorkflowSettings settings;
    @Inject ZoneId zone;

    Tenant dinsos;
    Actor admin;
    Actor writer;
    Actor otherWriter;
    Actor editor;
    Actor strangerAdmin;

    @BeforeAll
    void aTwoStepNewsroomAndAnotherAgency() {
        dinsos = Fixtures.tenantWithAdmin(tenants, "dinsos", "Dinas Sosial");
        Fixtures.tenantWithAdmin(tenants, "dishub", "Dinas Perhubungan");
        admin = Fixtures.signIn(accounts, sessions, "admin-dinsos");
        writer = member("penulis", Role.WRITER);
        otherWriter = member("penulis-lain", Role.WRITER);
        editor = member("editor", Role.EDITOR);
        strangerAdmin = Fixtures.signIn(accounts, sessions, "admin-dishub");
        settings.setSteps(admin, "dinsos", "2");
    }

    private Actor member(String username, Role role) {
        accounts.createMember(Fixtures.SYSTEM, dinsos.id(), new NewAccount(username, "Uji " + username, null,
                Fixtures.PASSWORD), role, false);
        return Fixtures.signIn(accounts, sessions, username);
    }

    private Post draft(Actor author, String title, String body) {
        return posts.createDraft(author, "dinsos", new PostDraft(title, "Ringkasan awal.", body, null));
    }

    private static PostEdit edit(Post post, String title, String body) {
        return new PostEdit(title, post.slug(), post.summary(), body, null, null, null);
    }

    @Test
    void a_draft_is_revision_one_and_each_save_the_next_with_the_row_updated() {
        Post post = draft(writer, "Bantuan Sosial Tahap I", "<p>Penyaluran dimulai.</p>");
        Post saved = posts.update(writer, "dinsos", post.id(), new PostEdit("Bantuan Sosial Tahap I Disalurkan",
                "bansos-tahap-1", "Ringkasan baru.", "<p>Penyaluran dimulai.</p><p onclick=\"x()\">Di 12 desa.</p>",
                "2026-11-20", "Penyaluran bansos tahap I di 12 desa.", null));

        assertThat(saved.title()).isEqualTo("Bantuan Sosial Tahap I Disalurkan");
        assertThat(saved.slug()).isEqualTo("bansos-tahap-1");
        assertThat(saved.bodyHtml()).doesNotContain("onclick").contains("Di 12 desa.");
        assertThat(saved.displayDate()).isEqualTo(java.time.LocalDate.of(2026, 11, 20).atStartOfDay(zone).toOffsetDateTime());
        assertThat(saved.seoDescription()).isEqualTo("Penyaluran bansos tahap I di 12 desa.");
        assertThat(saved.revisedAt()).as("never published: nothing to call an update").isNull();
        assertThat(saved.status()).isEqualTo(PostStatus.DRAFT);

        var revisions = posts.revisions(writer, "dinsos", post.id());
        assertThat(revisions).extracting(PostRevision::number).containsExactly(2, 1);
        assertThat(revisions.get(0).content()).isEqualTo(PostService.contentOf(saved));
        assertThat(revisions.get(1).content().title()).isEqualTo("Bantuan Sosial Tahap I");
        assertThat(revisions.get(0).authorName()).isEqualTo("Uji penulis");
        assertThat(revisions.get(0).byPlatform()).isFalse();
        assertThat(auditActions(post.id())).containsExactly("post.create", "post.update");
    }

    @Test
    void a_writer_may_edit_their_own_post_only_until_it_is_submitted_and_again_when_sent_back() {
        Post post = draft(writer, "Jadwal Posyandu", "<p>Setiap Senin.</p>");
        assertThatThrownBy(() -> posts.update(otherWriter, "dinsos", post.id(), edit(post, "Diubah orang lain", "")))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.messageKey()).isEqualTo("access.post.not_own"));
        assertThat(posts.mayEdit(writer, "dinsos", post.id())).isTrue();
        assertThat(posts.mayEdit(otherWriter, "dinsos", post.id())).isFalse();

        posts.transition(writer, "dinsos", post.id(), PostEvent.SUBMIT, null, null);
        assertThatThrownBy(() -> posts.update(writer, "dinsos", post.id(), edit(post, "Jadwal Posyandu Baru", "")))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.messageKey()).isEqualTo("access.post.handed_over"));
        assertThat(posts.mayEdit(writer, "dinsos", post.id())).isFalse();
        assertThat(posts.revisions(writer, "dinsos", post.id())).hasSize(1);

        // The editor may correct it while it waits for review.
        posts.update(editor, "dinsos", post.id(), edit(post, "Jadwal Posyandu (diperbaiki editor)", "<p>Setiap Senin pagi.</p>"));
        posts.transition(editor, "dinsos", post.id(), PostEvent.REQUEST_CHANGES, "Tambahkan tempat.", null);
        Post fixed = posts.update(writer, "dinsos", post.id(), edit(post, "Jadwal Posyandu", "<p>Setiap Senin pagi di balai desa.</p>"));
        assertThat(fixed.status()).isEqualTo(PostStatus.CHANGES_REQUESTED);
        assertThat(posts.revisions(editor, "dinsos", post.id())).extracting(PostRevision::number).containsExactly(3, 2, 1);
    }

    @Test
    void a_slug_must_be_well_formed_and_free_in_the_site() {
        Post first = draft(admin, "Layanan Pengaduan", "");
        Post second = draft(admin, "Layanan Informasi", "");

        assertThatThrownBy(() -> posts.update(admin, "dinsos", second.id(),
                new PostEdit("Layanan Informasi", first.slug(), null, "", null, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .anySatisfy(err -> {
                            assertThat(err.field()).isEqualTo("slug");
                            assertThat(err.messageKey()).isEqualTo("validation.post_slug.taken");
                        }));
        assertThatThrownBy(() -> posts.update(admin, "dinsos", second.id(),
                new PostEdit("Layanan Informasi", "pengaduan", null, "", null, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(err -> err.field() + ":" + err.messageKey())
                        .containsExactly("slug:validation.post_slug.reserved"));
        assertThatThrownBy(() -> posts.update(admin, "dinsos", second.id(),
                new PostEdit("Layanan Informasi", "Huruf Besar!", null, "", "kemarin", null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(err -> err.field() + ":" + err.messageKey())
                        .containsExactlyInAnyOrder("slug:validation.post_slug.format", "displayDate:validation.post.display_date"));
        // A blank slug keeps the current one; another site may use the same slug.
        assertThat(posts.update(admin, "dinsos", second.id(), new PostEdit("Layanan Informasi", " ", null, "", null, null, null)).slug())
                .isEqualTo(second.slug());
        assertThat(posts.revisions(admin, "dinsos", second.id())).hasSize(2);
    }

    @Test
    void restoring_an_old_revision_makes_a_new_one_that_names_it() {
        Post post = draft(admin, "Pendaftaran PKH", "<p>Versi pertama.</p>");
        posts.update(admin, "dinsos", post.id(), edit(post, "Pendaftaran PKH 2027", "<p>Versi kedua.</p>"));

        Post restored = posts.restore(editor, "dinsos", post.id(), 1, null);

        assertThat(restored.title()).isEqualTo("Pendaftaran PKH");
        assertThat(restored.bodyHtml()).isEqualTo("<p>Versi pertama.</p>");
        PostRevision third = posts.revision(admin, "dinsos", post.id(), 3);
        assertThat(third.restoredFrom()).isEqualTo(1);
        assertThat(third.content()).isEqualTo(posts.revision(admin, "dinsos", post.id(), 1).content());
        assertThat(auditActions(post.id())).containsExactly("post.create", "post.update", "post.restore");
        assertThatThrownBy(() -> posts.restore(editor, "dinsos", post.id(), 9, null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void two_revisions_compare_field_by_field_with_the_body_as_text() {
        Post post = draft(admin, "Rapat Koordinasi", "<p>Dihadiri 20 peserta.</p><p>Bertempat di aula.</p>");
        posts.update(admin, "dinsos", post.id(), edit(post, "Rapat Koordinasi Bansos",
                "<p>Dihadiri 25 peserta.</p><p>Bertempat di aula.</p><p>Ditutup pukul 12.00.</p>"));

        RevisionDiff diff = posts.compare(admin, "dinsos", post.id(), "1", "2");

        assertThat(diff.from().number()).isEqualTo(1);
        assertThat(diff.to().number()).isEqualTo(2);
        assertThat(diff.field("title").rows().get(0).right()).containsExactly(new TextDiff.Segment("Rapat Koordinasi", false),
                new TextDiff.Segment(" Bansos", true));
        assertThat(diff.field("summary").changed()).isFalse();
        assertThat(diff.field("bodyHtml").rows()).extracting(TextDiff.Row::kind)
                .containsExactly(TextDiff.Kind.CHANGED, TextDiff.Kind.SAME, TextDiff.Kind.ADDED);
        assertThat(diff.field("bodyHtml").rows().get(0).left()).contains(new TextDiff.Segment("20", true));
        assertThatThrownBy(() -> posts.compare(admin, "dinsos", post.id(), "satu", "0"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(err -> err.field()).containsExactly("from", "to"));
    }

    @Test
    void a_published_post_stays_published_when_updated_and_its_page_is_marked_and_renewed() {
        Post post = draft(admin, "Penyaluran BLT", "<p>Isi.</p>");
        settings.setSteps(admin, "dinsos", "1");
        try {
            posts.publish(admin, "dinsos", post.id());
        } finally {
            settings.setSteps(admin, "dinsos", "2");
        }
        long generationBefore = cacheGeneration();

        Post updated = posts.update(editor, "dinsos", post.id(), edit(post, "Penyaluran BLT (ralat jadwal)", "<p>Isi yang diralat.</p>"));

        assertThat(updated.status()).isEqualTo(PostStatus.PUBLISHED);
        assertThat(updated.revisedAt()).isNotNull().isAfterOrEqualTo(updated.publishedAt());
        assertThat(updated.updatedAt()).isEqualTo(updated.revisedAt());
        assertThat(cacheGeneration()).isGreaterThan(generationBefore);
        // A writer cannot touch a published post, even their own would be handed over by now.
        assertThatThrownBy(() -> posts.update(writer, "dinsos", post.id(), edit(post, "x", "")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void personal_data_in_a_live_update_is_refused_until_an_editor_gives_a_reason() {
        Post post = draft(admin, "Penerima Bantuan", "<p>Daftar menyusul.</p>");
        settings.setSteps(admin, "dinsos", "1");
        try {
            posts.publish(admin, "dinsos", post.id());
        } finally {
            settings.setSteps(admin, "dinsos", "2");
        }
        PostEdit withNik = edit(post, "Penerima Bantuan", "<p>Ibu Siti, NIK 3201015205900002.</p>");

        assertThatThrownBy(() -> posts.update(editor, "dinsos", post.id(), withNik))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(err -> err.field()).contains("bodyHtml", "overrideReason"));
        assertThat(posts.get(admin, "dinsos", post.id()).bodyHtml()).isEqualTo("<p>Daftar menyusul.</p>");
        assertThat(posts.revisions(admin, "dinsos", post.id())).hasSize(1);

        Post overridden = posts.update(editor, "dinsos", post.id(), new PostEdit(withNik.title(), withNik.slug(),
                withNik.summary(), withNik.bodyHtml(), null, null, "Data penerima wajib diumumkan menurut juknis."));
        assertThat(overridden.bodyHtml()).contains("3201015205900002");
        assertThat(auditActions(post.id())).contains("post.personal_data_override", "post.update");
        // A draft is not live: the scan waits for its publication.
        Post other = draft(admin, "Draf dengan NIK", "<p>Isi.</p>");
        assertThat(posts.update(admin, "dinsos", other.id(), edit(other, "Draf dengan NIK", "<p>NIK 3201015205900002</p>"))
                .status()).isEqualTo(PostStatus.DRAFT);
    }

    @Test
    void the_spam_guard_refuses_a_save_and_no_revision_is_written() {
        Post post = draft(admin, "Pengumuman Seleksi", "<p>Isi.</p>");
        assertThatThrownBy(() -> posts.update(admin, "dinsos", post.id(), edit(post, "Pengumuman Seleksi",
                "<p>Daftar sekarang di situs slot gacor maxwin terpercaya.</p>")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(posts.revisions(admin, "dinsos", post.id())).hasSize(1);
        assertThat(posts.get(admin, "dinsos", post.id()).bodyHtml()).isEqualTo("<p>Isi.</p>");
    }

    @Test
    void another_agency_cannot_edit_list_compare_or_restore_and_learns_nothing() {
        Post post = draft(admin, "Data Terpadu Kesejahteraan Sosial", "<p>Isi.</p>");
        assertThatThrownBy(() -> posts.update(strangerAdmin, "dinsos", post.id(), edit(post, "Diretas", "")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> posts.revisions(strangerAdmin, "dinsos", post.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> posts.compare(strangerAdmin, "dinsos", post.id(), "x", "y")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> posts.restore(strangerAdmin, "dinsos", post.id(), 1, null)).isInstanceOf(NotFoundException.class);
        // Through their own slug the post id does not exist either.
        assertThatThrownBy(() -> posts.update(strangerAdmin, "dishub", post.id(), edit(post, "Diretas", "")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> posts.revisions(strangerAdmin, "dishub", post.id())).isInstanceOf(NotFoundException.class);
        assertThat(posts.get(admin, "dinsos", post.id()).title()).isEqualTo("Data Terpadu Kesejahteraan Sosial");
    }

    private long cacheGeneration() {
        try (var c = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
             var s = c.prepareStatement("select generation from cache_generation where scope = ?")) {
            s.setString(1, dinsos.id().cacheScope());
            var rs = s.executeQuery();
            return rs.next() ? rs.getLong(1) : 0;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
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
