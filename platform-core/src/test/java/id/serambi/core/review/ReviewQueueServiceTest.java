package id.serambi.core.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.serambi.core.access.Actor;
import id.serambi.core.account.AccountService;
import id.serambi.core.account.NewAccount;
import id.serambi.core.account.Role;
import id.serambi.core.account.SessionService;
import id.serambi.core.post.Post;
import id.serambi.core.post.PostDraft;
import id.serambi.core.post.PostService;
import id.serambi.core.post.PostStatus;
import id.serambi.core.support.AccessDeniedException;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.support.NotFoundException;
import id.serambi.core.tenant.Tenant;
import id.serambi.core.tenant.TenantService;
import id.serambi.core.testing.DatabaseTest;
import id.serambi.core.testing.Fixtures;
import id.serambi.core.testing.TestClock;
import id.serambi.core.workflow.PostEvent;
import id.serambi.core.workflow.WorkflowSettings;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/** The review queue against the real database, with a clock the test moves instead of waiting. */
@MicronautTest(transactional = false)
class ReviewQueueServiceTest extends DatabaseTest {
    @Inject TenantService tenants;
    @Inject AccountService accounts;
    @Inject SessionService sessions;
    @Inject PostService posts;
    @Inject WorkflowSettings settings;
    @Inject ReviewQueueService review;
    @Inject TestClock clock;

    Actor admin;
    Actor writer;
    Actor otherWriter;
    Actor editor;
    Actor stranger;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("serambi.test-clock", "true");
    }

    @BeforeAll
    void aThreeStepNewsroom() {
        Tenant tenant = Fixtures.tenantWithAdmin(tenants, "dinkes", "Dinas Kesehatan");
        Fixtures.tenantWithAdmin(tenants, "lain", "Dinas Lain");
        admin = Fixtures.signIn(accounts, sessions, "admin-dinkes");
        stranger = Fixtures.signIn(accounts, sessions, "admin-lain");
        writer = member(tenant, "penulis", Role.WRITER);
        otherWriter = member(tenant, "penulis2", Role.WRITER);
        editor = member(tenant, "editor", Role.EDITOR);
        settings.setSteps(admin, "dinkes", "3");
    }

    private Actor member(Tenant tenant, String username, Role role) {
        accounts.createMember(Fixtures.SYSTEM, tenant.id(), new NewAccount(username, "Uji " + username, null, Fixtures.PASSWORD),
                role, false);
        return Fixtures.signIn(accounts, sessions, username);
    }

    private Post submitted(Actor author, String title) {
        Post post = posts.createDraft(author, "dinkes", new PostDraft(title, null, "<p>Isi.</p>", null));
        return posts.transition(author, "dinkes", post.id(), PostEvent.SUBMIT, null, null);
    }

    private ReviewQueue.Item itemOf(ReviewQueue queue, Post post) {
        return queue.items().stream().filter(i -> i.id().equals(post.id())).findFirst().orElseThrow();
    }

    @Test
    void waiting_posts_carry_since_when_their_standard_and_turn_overdue_after_it() {
        Post inReview = submitted(writer, "Posyandu Balita");
        Post sentBack = submitted(otherWriter, "Vaksinasi Lansia");
        Post approved = submitted(writer, "Jadwal Puskesmas");
        posts.transition(editor, "dinkes", sentBack.id(), PostEvent.REQUEST_CHANGES, "Sebutkan lokasinya.", null);
        posts.transition(editor, "dinkes", approved.id(), PostEvent.APPROVE, null, null);
        var entered = clock.instant();

        clock.advance(Duration.ofMinutes(14));
        ReviewQueue early = review.queue(editor, "dinkes");
        assertThat(early.wholeNewsroom()).isTrue();
        ReviewQueue.Item correction = itemOf(early, inReview);
        assertThat(correction.status()).isEqualTo(PostStatus.IN_REVIEW);
        assertThat(correction.since().toInstant()).isEqualTo(entered);
        assertThat(correction.waitedMinutes()).isEqualTo(14);
        // Three steps: the editor corrects (15 minutes); the redaktur checks and publishes (15 + 15).
        assertThat(correction.standardMinutes()).isEqualTo(15);
        assertThat(itemOf(early, approved).standardMinutes()).isEqualTo(30);
        assertThat(itemOf(early, sentBack).standardMinutes()).isEqualTo(60);
        assertThat(itemOf(early, sentBack).authorName()).isEqualTo("Uji penulis2");
        assertThat(java.util.List.of(inReview, sentBack, approved)).noneMatch(p -> itemOf(early, p).overdue());

        clock.advance(Duration.ofMinutes(2));
        ReviewQueue later = review.queue(editor, "dinkes");
        assertThat(itemOf(later, inReview).overdue()).isTrue();
        assertThat(itemOf(later, approved).overdue()).isFalse();
        assertThat(itemOf(later, sentBack).overdue()).isFalse();

        clock.advance(Duration.ofMinutes(45));
        assertThat(itemOf(review.queue(editor, "dinkes"), sentBack).overdue()).isTrue();
    }

    @Test
    void the_clock_restarts_when_a_post_comes_back_into_a_state_and_published_posts_leave_the_queue() {
        Post post = submitted(writer, "Demam Berdarah");
        clock.advance(Duration.ofMinutes(30));
        posts.transition(editor, "dinkes", post.id(), PostEvent.REQUEST_CHANGES, "Tambahkan data kasus.", null);
        posts.transition(writer, "dinkes", post.id(), PostEvent.SUBMIT, null, null);
        clock.advance(Duration.ofMinutes(5));
        ReviewQueue.Item again = itemOf(review.queue(admin, "dinkes"), post);
        assertThat(again.waitedMinutes()).isEqualTo(5);
        assertThat(again.overdue()).isFalse();

        posts.transition(editor, "dinkes", post.id(), PostEvent.APPROVE, null, null);
        posts.transition(admin, "dinkes", post.id(), PostEvent.PUBLISH, null, null);
        assertThat(review.queue(admin, "dinkes").items()).noneMatch(i -> i.id().equals(post.id()));
    }

    @Test
    void a_writer_sees_only_their_own_posts_and_a_stranger_nothing() {
        Post mine = submitted(writer, "Gizi Anak Sekolah");
        Post theirs = submitted(otherWriter, "Air Bersih Desa");
        ReviewQueue queue = review.queue(writer, "dinkes");
        assertThat(queue.wholeNewsroom()).isFalse();
        assertThat(queue.items()).extracting(ReviewQueue.Item::id).contains(mine.id()).doesNotContain(theirs.id());
        assertThat(queue.items()).allMatch(i -> writer.userId().equals(i.authorId()));
        assertThatThrownBy(() -> review.queue(stranger, "dinkes")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void standards_are_set_by_the_site_admin_validated_and_used() {
        assertThat(review.standards(editor, "dinkes")).isEqualTo(ReviewStandards.SEED_003);
        assertThatThrownBy(() -> review.setStandards(editor, "dinkes", Map.of("editingMinutes", "30")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> review.setStandards(admin, "dinkes", Map.of("editingMinutes", "0",
                "correctionMinutes", "lima", "finalCheckMinutes", "20000", "publicationMinutes", "10")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactly("editingMinutes", "correctionMinutes", "finalCheckMinutes"));
        assertThat(review.standards(admin, "dinkes")).isEqualTo(ReviewStandards.SEED_003);

        try {
            review.setStandards(admin, "dinkes", Map.of("editingMinutes", "90", "correctionMinutes", " 5 ",
                    "finalCheckMinutes", "10", "publicationMinutes", "10"));
            Post post = submitted(writer, "Pekan Imunisasi");
            clock.advance(Duration.ofMinutes(6));
            assertThat(itemOf(review.queue(editor, "dinkes"), post).overdue()).isTrue();
        } finally {
            review.setStandards(admin, "dinkes", ReviewQueueService.asForm(ReviewStandards.SEED_003));
        }
    }

    @Test
    void a_comment_leaves_the_post_where_it_is_and_joins_its_history_in_order() {
        Post post = submitted(writer, "Stunting Turun");
        clock.advance(Duration.ofMinutes(1));
        review.comment(editor, "dinkes", post.id(), "  Foto kegiatannya kurang jelas.  ");
        clock.advance(Duration.ofMinutes(1));
        posts.transition(editor, "dinkes", post.id(), PostEvent.APPROVE, "Baik.", null);

        assertThat(posts.get(editor, "dinkes", post.id()).status()).isEqualTo(PostStatus.APPROVED);
        var history = review.history(writer, "dinkes", post.id());
        assertThat(history).extracting(HistoryLine::isComment).containsExactly(false, true, false);
        assertThat(history.get(1).comment().body()).isEqualTo("Foto kegiatannya kurang jelas.");
        assertThat(history.get(1).comment().authorName()).isEqualTo("Uji editor");
        assertThat(review.comments(writer, "dinkes", post.id())).hasSize(1);

        assertThatThrownBy(() -> review.comment(editor, "dinkes", post.id(), "   "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("comment"));
        assertThatThrownBy(() -> review.comment(stranger, "dinkes", post.id(), "Halo")).isInstanceOf(NotFoundException.class);
        // A comment does not reset since-when: the post has waited since its approval.
        assertThat(itemOf(review.queue(editor, "dinkes"), post).waitedMinutes()).isZero();
    }
}
