package id.serambi.core.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.account.SessionService;
import id.serambi.core.support.AccessDeniedException;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.workflow.PostEvent;
import id.serambi.core.workflow.WorkflowEvents;
import id.serambi.core.workflow.WorkflowSettings;
import id.serambi.core.workflow.WorkflowSteps;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** Seed 003's newsroom against the real database: writer → editor → redaktur, each step recorded. */
@MicronautTest(transactional = false)
class PostWorkflowTest extends DatabaseTest {
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject PostService posts;
    @Inject WorkflowSettings settings;
    @Inject WorkflowEvents events;

    Tenant diskominfo;
    Actor admin;
    Actor writer;
    Actor editor;
    Actor redaktur;

    @BeforeAll
    void aThreeStepNewsroom() {
        diskominfo = Fixtures.tenantWithAdmin(tenants, "diskominfo", "Dinas Komunikasi dan Informatika");
        admin = member("admin-diskominfo", null);
        writer = member("penulis", Role.WRITER);
        editor = member("editor", Role.EDITOR);
        redaktur = member("redaktur", Role.EDITOR);
        assertThat(settings.setSteps(admin, "diskominfo", "3")).isEqualTo(WorkflowSteps.THREE);
    }

    private Actor member(String username, Role role) {
        if (role != null) {
            accounts.createMember(Fixtures.SYSTEM, diskominfo.id(), new NewAccount(username, "Uji " + username, null,
                    Fixtures.PASSWORD), role, false);
        }
        return Fixtures.signIn(accounts, sessions, username);
    }

    private Post draftBy(Actor author, String title) {
        return posts.createDraft(author, "diskominfo", new PostDraft(title, null, "<p>Isi berita.</p>", null));
    }

    @Test
    void a_post_goes_from_writer_to_editor_to_redaktur_and_every_step_is_an_event() {
        Post post = draftBy(writer, "Pelatihan Literasi Digital");
        posts.transition(writer, "diskominfo", post.id(), PostEvent.SUBMIT, null, null);
        posts.transition(editor, "diskominfo", post.id(), PostEvent.REQUEST_CHANGES, "Tambahkan jumlah peserta.", null);
        posts.transition(writer, "diskominfo", post.id(), PostEvent.SUBMIT, "Sudah ditambahkan.", null);
        posts.transition(editor, "diskominfo", post.id(), PostEvent.APPROVE, null, null);
        assertThatThrownBy(() -> posts.transition(editor, "diskominfo", post.id(), PostEvent.PUBLISH, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).messageKey())
                        .isEqualTo("workflow.refused.approver_publishes"));
        Post published = posts.transition(redaktur, "diskominfo", post.id(), PostEvent.PUBLISH, null, null);

        assertThat(published.status()).isEqualTo(PostStatus.PUBLISHED);
        assertThat(published.firstPublishedAt()).isNotNull();
        var history = events.history(diskominfo.id(), post.id());
        assertThat(history).extracting(WorkflowEvents.Entry::event).containsExactly(PostEvent.SUBMIT,
                PostEvent.REQUEST_CHANGES, PostEvent.SUBMIT, PostEvent.APPROVE, PostEvent.PUBLISH);
        assertThat(history.get(1).note()).isEqualTo("Tambahkan jumlah peserta.");
        assertThat(history.get(1).actor()).isEqualTo(editor.userId());
        assertThat(history.get(4).from()).isEqualTo(PostStatus.APPROVED);
    }

    @Test
    void an_approval_belongs_to_its_round_a_new_round_needs_a_new_approval() {
        Post post = draftBy(writer, "Jadwal Siaran Radio Daerah");
        posts.transition(writer, "diskominfo", post.id(), PostEvent.SUBMIT, null, null);
        posts.transition(editor, "diskominfo", post.id(), PostEvent.APPROVE, null, null);
        posts.transition(redaktur, "diskominfo", post.id(), PostEvent.REQUEST_CHANGES, "Judul kurang jelas.", null);
        posts.transition(writer, "diskominfo", post.id(), PostEvent.SUBMIT, null, null);
        // The redaktur approves this round; the editor who approved the earlier round may now publish.
        posts.transition(redaktur, "diskominfo", post.id(), PostEvent.APPROVE, null, null);
        assertThat(posts.transition(editor, "diskominfo", post.id(), PostEvent.PUBLISH, null, null).status())
                .isEqualTo(PostStatus.PUBLISHED);
    }

    @Test
    void a_writer_cannot_skip_review_and_a_post_is_withdrawn_only_with_a_reason() {
        Post post = draftBy(writer, "Lomba Video Pendek");
        assertThatThrownBy(() -> posts.transition(writer, "diskominfo", post.id(), PostEvent.PUBLISH, null, null))
                .isInstanceOf(AccessDeniedException.class);
        posts.transition(writer, "diskominfo", post.id(), PostEvent.SUBMIT, null, null);
        posts.transition(editor, "diskominfo", post.id(), PostEvent.APPROVE, null, null);
        posts.transition(redaktur, "diskominfo", post.id(), PostEvent.PUBLISH, null, null);
        assertThatThrownBy(() -> posts.transition(redaktur, "diskominfo", post.id(), PostEvent.UNPUBLISH, "  ", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).messageKey())
                        .isEqualTo("workflow.refused.reason_required"));
        Post withdrawn = posts.transition(redaktur, "diskominfo", post.id(), PostEvent.UNPUBLISH, "Tanggal lomba berubah.", null);
        assertThat(withdrawn.status()).isEqualTo(PostStatus.UNPUBLISHED);
        assertThat(withdrawn.firstPublishedAt()).as("the quota week stays where it was").isNotNull();
    }

    @Test
    void a_schedule_lies_in_the_future_and_is_kept_with_the_post() {
        Post post = draftBy(writer, "Peluncuran Aplikasi Layanan");
        posts.transition(writer, "diskominfo", post.id(), PostEvent.SUBMIT, null, null);
        posts.transition(editor, "diskominfo", post.id(), PostEvent.APPROVE, null, null);
        assertThatThrownBy(() -> posts.transition(redaktur, "diskominfo", post.id(), PostEvent.SCHEDULE, null,
                OffsetDateTime.now().minusMinutes(5)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).field())
                        .isEqualTo("scheduledAt"));
        OffsetDateTime at = OffsetDateTime.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Post scheduled = posts.transition(redaktur, "diskominfo", post.id(), PostEvent.SCHEDULE, null, at);
        assertThat(scheduled.status()).isEqualTo(PostStatus.SCHEDULED);
        assertThat(scheduled.scheduledAt()).isEqualTo(at.withOffsetSameInstant(scheduled.scheduledAt().getOffset()));
    }

    @Test
    void the_steps_setting_is_the_site_admins_and_refuses_nonsense() {
        assertThatThrownBy(() -> settings.setSteps(editor, "diskominfo", "1")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> settings.setSteps(admin, "diskominfo", "4"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).messageKey())
                        .isEqualTo("validation.workflow.steps"));
        assertThatThrownBy(() -> settings.setSteps(admin, "diskominfo", "dua")).isInstanceOf(InvalidInputException.class);
        assertThat(settings.steps(writer, "diskominfo")).isEqualTo(WorkflowSteps.THREE);
    }
}
