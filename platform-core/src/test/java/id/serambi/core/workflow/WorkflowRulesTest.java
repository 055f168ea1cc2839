package id.serambi.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import id.serambi.core.account.Role;
import id.serambi.core.account.UserId;
import id.serambi.core.i18n.Messages;
import id.serambi.core.post.PostStatus;
import id.serambi.core.workflow.WorkflowRules.Participant;
import id.serambi.core.workflow.WorkflowRules.PostFacts;
import id.serambi.core.workflow.WorkflowRules.Verdict;

/**
 * The editorial state machine, walked exhaustively: every tenant setting × every state × every event × every
 * kind of person × with and without a reason. Each allowed cell must obey the procedure's rules, each refused
 * cell must explain itself in Indonesian and English, and the scenarios of seed 003 must work end to end.
 */
class WorkflowRulesTest {
    private static final UserId AUTHOR = new UserId(1);
    private static final UserId APPROVER = new UserId(2);
    private static final Messages ID = Messages.of(Messages.INDONESIAN);
    private static final Messages EN = Messages.of(Locale.ENGLISH);

    /** Everyone who might press a button: named by how they relate to the post. */
    private static final Map<String, Participant> PEOPLE = new LinkedHashMap<>();

    static {
        PEOPLE.put("writer who wrote it", Participant.person(AUTHOR, Set.of(Role.WRITER)));
        PEOPLE.put("another writer", Participant.person(new UserId(3), Set.of(Role.WRITER)));
        PEOPLE.put("editor who wrote it", Participant.person(AUTHOR, Set.of(Role.EDITOR)));
        PEOPLE.put("editor who approved it", Participant.person(APPROVER, Set.of(Role.EDITOR)));
        PEOPLE.put("another editor", Participant.person(new UserId(4), Set.of(Role.EDITOR)));
        PEOPLE.put("site admin", Participant.person(new UserId(5), Set.of(Role.TENANT_ADMIN)));
        PEOPLE.put("site admin who wrote it", Participant.person(AUTHOR, Set.of(Role.TENANT_ADMIN)));
        PEOPLE.put("complaint officer", Participant.person(new UserId(6), Set.of(Role.COMPLAINT_OFFICER)));
        PEOPLE.put("scheduler", Participant.scheduler());
    }

    private record Cell(WorkflowSteps steps, PostStatus status, PostEvent event, String who, boolean reason, Verdict verdict) {
        Participant person() {
            return PEOPLE.get(who);
        }

        @Override
        public String toString() {
            return steps + " " + status + " " + event + " by " + who + (reason ? " with reason" : "") + " → " + verdict;
        }
    }

    private static List<Cell> everyCell() {
        List<Cell> cells = new ArrayList<>();
        for (WorkflowSteps steps : WorkflowSteps.values()) {
            for (PostStatus status : PostStatus.values()) {
                for (PostEvent event : PostEvent.values()) {
                    for (String who : PEOPLE.keySet()) {
                        for (boolean reason : new boolean[] {false, true}) {
                            var facts = new PostFacts(status, AUTHOR, approverOf(status));
                            var verdict = WorkflowRules.decide(steps, facts, event, PEOPLE.get(who), reason ? "alasan uji" : " ");
                            cells.add(new Cell(steps, status, event, who, reason, verdict));
                        }
                    }
                }
            }
        }
        return cells;
    }

    @Test
    void every_allowed_cell_follows_the_declared_table_and_the_procedure() {
        List<Cell> cells = everyCell();
        assertThat(cells).hasSize(3 * 8 * PostEvent.values().length * 9 * 2);
        for (Cell cell : cells.stream().filter(c -> c.verdict() instanceof Verdict.Allowed).toList()) {
            var transition = Transitions.of(cell.event());
            Participant who = cell.person();
            assertThat(transition.from()).as(cell.toString()).contains(cell.status());
            assertThat(((Verdict.Allowed) cell.verdict()).to()).as(cell.toString()).isEqualTo(transition.to());
            if (transition.needsReason()) {
                assertThat(cell.reason()).as("a reason is needed: " + cell).isTrue();
            }
            if (who.system()) {
                assertThat(cell.event()).as(cell.toString()).isEqualTo(PostEvent.PUBLISH_SCHEDULED);
                continue;
            }
            assertThat(cell.event()).as("only the scheduler publishes on time: " + cell).isNotEqualTo(PostEvent.PUBLISH_SCHEDULED);
            assertThat(who.roles()).as("outside the editorial team: " + cell).containsAnyOf(Role.WRITER, Role.EDITOR, Role.TENANT_ADMIN);
            if (who.roles().equals(Set.of(Role.WRITER))) {
                assertThat(cell.event()).as("a writer only submits: " + cell).isEqualTo(PostEvent.SUBMIT);
                assertThat(who.userId()).as("a writer submits only their own: " + cell).isEqualTo(AUTHOR);
            }
            boolean judges = cell.event().goesLive() || cell.event() == PostEvent.APPROVE || cell.event() == PostEvent.REQUEST_CHANGES;
            if (judges && cell.steps() != WorkflowSteps.ONE) {
                assertThat(who.userId()).as("separation of duties: " + cell).isNotEqualTo(AUTHOR);
            }
            if (cell.event() == PostEvent.APPROVE) {
                assertThat(cell.steps()).as(cell.toString()).isEqualTo(WorkflowSteps.THREE);
            }
            if (cell.event().goesLive() && cell.steps() == WorkflowSteps.THREE) {
                assertThat(cell.status()).as("three steps publish only what was approved: " + cell)
                        .isIn(PostStatus.APPROVED, PostStatus.UNPUBLISHED, PostStatus.SCHEDULED);
                assertThat(who.userId()).as("the approver is not the publisher: " + cell).isNotEqualTo(approverOf(cell.status()));
            }
            if (cell.event().goesLive() && cell.steps() == WorkflowSteps.TWO) {
                assertThat(cell.status()).as("two steps publish only after review: " + cell).isNotEqualTo(PostStatus.DRAFT);
            }
        }
    }

    @Test
    void every_refusal_explains_itself_in_both_languages() {
        for (Cell cell : everyCell()) {
            if (cell.verdict() instanceof Verdict.Refused refused) {
                for (Messages messages : List.of(ID, EN)) {
                    assertThat(messages.has(refused.messageKey())).as(refused.messageKey() + " in " + messages.locale()).isTrue();
                    String text = messages.get(refused.messageKey(), refused.args().toArray());
                    assertThat(text).as(cell.toString()).doesNotContain("{", "workflow.");
                }
            }
        }
    }

    @Test
    void every_row_of_the_table_is_reachable_by_someone_in_every_setting_that_has_it() {
        Set<PostEvent> reachable = EnumSet.noneOf(PostEvent.class);
        everyCell().stream().filter(c -> c.verdict() instanceof Verdict.Allowed).forEach(c -> reachable.add(c.event()));
        assertThat(reachable).containsExactlyInAnyOrder(PostEvent.values());
    }

    @Test
    void three_steps_writer_submits_an_editor_approves_and_a_different_redaktur_publishes() {
        var steps = WorkflowSteps.THREE;
        assertThat(decide(steps, PostStatus.DRAFT, PostEvent.SUBMIT, "writer who wrote it")).isEqualTo(allowed(PostStatus.IN_REVIEW));
        assertThat(decide(steps, PostStatus.IN_REVIEW, PostEvent.APPROVE, "editor who approved it")).isEqualTo(allowed(PostStatus.APPROVED));
        assertThat(text(decide(steps, PostStatus.APPROVED, PostEvent.PUBLISH, "editor who approved it")))
                .isEqualTo("Redaktur yang menerbitkan harus orang lain, bukan editor yang menyetujui tulisan ini.");
        assertThat(text(decide(steps, PostStatus.IN_REVIEW, PostEvent.PUBLISH, "another editor")))
                .isEqualTo("Di situs ini tulisan terbit setelah disetujui editor, lalu diterbitkan oleh redaktur.");
        assertThat(decide(steps, PostStatus.APPROVED, PostEvent.PUBLISH, "another editor")).isEqualTo(allowed(PostStatus.PUBLISHED));
    }

    @Test
    void two_steps_the_writer_cannot_publish_and_an_editor_cannot_publish_their_own_post() {
        var steps = WorkflowSteps.TWO;
        assertThat(text(decide(steps, PostStatus.IN_REVIEW, PostEvent.PUBLISH, "writer who wrote it")))
                .isEqualTo("Tulisan hanya dapat diterbitkan oleh editor atau admin situs.");
        assertThat(text(decide(steps, PostStatus.IN_REVIEW, PostEvent.PUBLISH, "editor who wrote it")))
                .isEqualTo("Tulisan tidak dapat diterbitkan oleh penulisnya sendiri: mintalah editor lain.");
        assertThat(text(decide(steps, PostStatus.DRAFT, PostEvent.PUBLISH, "another editor")))
                .isEqualTo("Di situs ini tulisan terbit setelah ditinjau editor: ajukan dulu untuk ditinjau.");
        assertThat(text(decide(steps, PostStatus.IN_REVIEW, PostEvent.APPROVE, "another editor")))
                .startsWith("Situs ini tidak memakai langkah persetujuan terpisah");
        assertThat(decide(steps, PostStatus.IN_REVIEW, PostEvent.PUBLISH, "another editor")).isEqualTo(allowed(PostStatus.PUBLISHED));
    }

    @Test
    void one_step_the_site_admin_publishes_their_own_draft_at_once() {
        assertThat(decide(WorkflowSteps.ONE, PostStatus.DRAFT, PostEvent.PUBLISH, "site admin who wrote it"))
                .isEqualTo(allowed(PostStatus.PUBLISHED));
        assertThat(text(decide(WorkflowSteps.ONE, PostStatus.DRAFT, PostEvent.PUBLISH, "writer who wrote it")))
                .isEqualTo("Tulisan hanya dapat diterbitkan oleh editor atau admin situs.");
    }

    @Test
    void refusals_name_the_state_and_the_missing_reason_in_words() {
        assertThat(text(decide(WorkflowSteps.ONE, PostStatus.PUBLISHED, PostEvent.SUBMIT, "writer who wrote it")))
                .isEqualTo("Tulisan berstatus terbit tidak dapat diajukan untuk ditinjau.");
        var withoutReason = WorkflowRules.decide(WorkflowSteps.ONE, new PostFacts(PostStatus.PUBLISHED, AUTHOR, null),
                PostEvent.UNPUBLISH, PEOPLE.get("site admin"), "");
        assertThat(text(withoutReason)).isEqualTo("Tuliskan alasan mengapa tulisan ditarik dari situs.");
        assertThat(EN.get(((Verdict.Refused) withoutReason).messageKey(), ((Verdict.Refused) withoutReason).args().toArray()))
                .isEqualTo("Say why the post is taken off the site.");
        assertThat(text(decide(WorkflowSteps.ONE, PostStatus.DRAFT, PostEvent.SUBMIT, "complaint officer")))
                .startsWith("Hanya tim redaksi situs ini");
        assertThat(text(decide(WorkflowSteps.ONE, PostStatus.DRAFT, PostEvent.SUBMIT, "another writer")))
                .isEqualTo("Penulis hanya dapat mengajukan tulisannya sendiri.");
    }

    @Test
    void a_scheduled_post_goes_live_only_through_the_scheduler() {
        assertThat(decide(WorkflowSteps.THREE, PostStatus.SCHEDULED, PostEvent.PUBLISH_SCHEDULED, "scheduler"))
                .isEqualTo(allowed(PostStatus.PUBLISHED));
        assertThat(text(decide(WorkflowSteps.THREE, PostStatus.SCHEDULED, PostEvent.PUBLISH_SCHEDULED, "site admin")))
                .isEqualTo("Tulisan terjadwal diterbitkan otomatis oleh sistem pada waktunya.");
    }

    private static Verdict decide(WorkflowSteps steps, PostStatus status, PostEvent event, String who) {
        var facts = new PostFacts(status, AUTHOR, approverOf(status));
        return WorkflowRules.decide(steps, facts, event, PEOPLE.get(who), "alasan uji");
    }

    // Approved and scheduled posts of a three-step site carry their approver.
    private static UserId approverOf(PostStatus status) {
        return status == PostStatus.APPROVED || status == PostStatus.SCHEDULED ? APPROVER : null;
    }

    private static Verdict allowed(PostStatus to) {
        return new Verdict.Allowed(to);
    }

    private static String text(Verdict verdict) {
        assertThat(verdict).isInstanceOf(Verdict.Refused.class);
        var refused = (Verdict.Refused) verdict;
        return ID.get(refused.messageKey(), refused.args().toArray());
    }
}
