package id.serambi.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import id.serambi.core.account.Role;
import id.serambi.core.account.UserId;
import id.serambi.core.post.PostStatus;
import id.serambi.core.workflow.WorkflowRules.Participant;
import id.serambi.core.workflow.WorkflowRules.PostFacts;
import id.serambi.core.workflow.WorkflowRules.Verdict;

/**
 * The editorial state machine against an answer sheet written by hand from seed 003 and DESIGN.md, not read
 * from {@link Transitions}: every workflow setting (one, two, three steps) × every state × every event × every
 * role of {@link Role} (and the scheduler), each person also named by how they stand to the post (wrote it,
 * approved it, neither). A change to the rules that is not also made here fails with the cell that moved.
 *
 * <p>Codes: {@code >XX} allowed, leading to that state (DR draft, IR in review, CR changes requested, AP
 * approved, SC scheduled, PB published, UP unpublished, AR archived). Otherwise the refusal:
 * {@code sched} only the scheduler publishes on time (and the scheduler does nothing else), {@code team} not on
 * the agency's editorial team (Kominfo and coordinators moderate and mark, they do not run an agency's
 * workflow), {@code auth} a writer submits only their own post, {@code rev} editors' and admins' call,
 * {@code noap} no separate approval step, {@code nrev} needs review first, {@code nappr} needs approval first,
 * {@code own} not by its own writer, {@code appub} the approver does not also publish. A pair of event and state
 * not listed is refused for everyone because the state does not allow the event.
 */
class WorkflowTransitionTableTest {
    private static final UserId AUTHOR = new UserId(1);
    private static final UserId APPROVER = new UserId(2);

    /** The answer sheet's columns: who presses the button. */
    private static final Map<String, Participant> PEOPLE = new LinkedHashMap<>();

    static {
        PEOPLE.put("W", Participant.person(AUTHOR, Set.of(Role.WRITER)));          // the writer who wrote it
        PEOPLE.put("W2", Participant.person(new UserId(3), Set.of(Role.WRITER)));  // another writer
        PEOPLE.put("EA", Participant.person(AUTHOR, Set.of(Role.EDITOR)));         // an editor who wrote it
        PEOPLE.put("EP", Participant.person(APPROVER, Set.of(Role.EDITOR)));       // the editor who approved it (if anyone did)
        PEOPLE.put("E", Participant.person(new UserId(4), Set.of(Role.EDITOR)));   // another editor (the redaktur)
        PEOPLE.put("A", Participant.person(new UserId(5), Set.of(Role.TENANT_ADMIN)));
        PEOPLE.put("AA", Participant.person(AUTHOR, Set.of(Role.TENANT_ADMIN)));   // the site admin who wrote it
        PEOPLE.put("CO", Participant.person(new UserId(6), Set.of(Role.COMPLAINT_OFFICER)));
        PEOPLE.put("CF", Participant.person(new UserId(7), Set.of(Role.COMPLAINT_OFFICIAL)));
        PEOPLE.put("PA", Participant.person(new UserId(8), Set.of(Role.PLATFORM_ADMIN)));
        PEOPLE.put("PS", Participant.person(new UserId(9), Set.of(Role.PLATFORM_STAFF)));
        PEOPLE.put("CD", Participant.person(new UserId(10), Set.of(Role.COORDINATOR)));
        PEOPLE.put("S", Participant.scheduler());
    }

    private static final Map<String, PostStatus> STATES = Map.of("DR", PostStatus.DRAFT, "IR", PostStatus.IN_REVIEW,
            "CR", PostStatus.CHANGES_REQUESTED, "AP", PostStatus.APPROVED, "SC", PostStatus.SCHEDULED,
            "PB", PostStatus.PUBLISHED, "UP", PostStatus.UNPUBLISHED, "AR", PostStatus.ARCHIVED);

    private static final Map<String, String> REFUSALS = Map.of("sched", "workflow.refused.scheduler_only",
            "team", "workflow.refused.not_in_team", "auth", "workflow.refused.not_author",
            "rev", "workflow.refused.reviewers_only", "noap", "workflow.refused.no_approval_step",
            "nrev", "workflow.refused.needs_review", "nappr", "workflow.refused.needs_approval",
            "own", "workflow.refused.own_post", "appub", "workflow.refused.approver_publishes");

    /** Events a person must give a reason for (seed 003: sending back, withdrawing, archiving). */
    private static final Set<PostEvent> NEED_A_REASON = Set.of(PostEvent.REQUEST_CHANGES, PostEvent.UNPUBLISH, PostEvent.ARCHIVE);

    private static final String SHEET = """
            # steps event             state             W     W2    EA    EP    E     A     AA    CO    CF    PA    PS    CD    S
            ONE     submit            draft             >IR   auth  >IR   >IR   >IR   >IR   >IR   team  team  team  team  team  sched
            ONE     submit            changes_requested >IR   auth  >IR   >IR   >IR   >IR   >IR   team  team  team  team  team  sched
            ONE     request_changes   in_review         rev   rev   >CR   >CR   >CR   >CR   >CR   team  team  team  team  team  sched
            ONE     request_changes   approved          rev   rev   >CR   >CR   >CR   >CR   >CR   team  team  team  team  team  sched
            ONE     approve           in_review         rev   rev   noap  noap  noap  noap  noap  team  team  team  team  team  sched
            ONE     publish           draft             rev   rev   >PB   >PB   >PB   >PB   >PB   team  team  team  team  team  sched
            ONE     publish           in_review         rev   rev   >PB   >PB   >PB   >PB   >PB   team  team  team  team  team  sched
            ONE     publish           approved          rev   rev   >PB   >PB   >PB   >PB   >PB   team  team  team  team  team  sched
            ONE     publish           unpublished       rev   rev   >PB   >PB   >PB   >PB   >PB   team  team  team  team  team  sched
            ONE     schedule          draft             rev   rev   >SC   >SC   >SC   >SC   >SC   team  team  team  team  team  sched
            ONE     schedule          in_review         rev   rev   >SC   >SC   >SC   >SC   >SC   team  team  team  team  team  sched
            ONE     schedule          approved          rev   rev   >SC   >SC   >SC   >SC   >SC   team  team  team  team  team  sched
            ONE     schedule          scheduled         rev   rev   >SC   >SC   >SC   >SC   >SC   team  team  team  team  team  sched
            ONE     publish_scheduled scheduled         sched sched sched sched sched sched sched sched sched sched sched sched >PB
            ONE     cancel_schedule   scheduled         rev   rev   >DR   >DR   >DR   >DR   >DR   team  team  team  team  team  sched
            ONE     unpublish         published         rev   rev   >UP   >UP   >UP   >UP   >UP   team  team  team  team  team  sched
            ONE     archive           published         rev   rev   >AR   >AR   >AR   >AR   >AR   team  team  team  team  team  sched
            ONE     archive           unpublished       rev   rev   >AR   >AR   >AR   >AR   >AR   team  team  team  team  team  sched
            ONE     reopen            unpublished       rev   rev   >DR   >DR   >DR   >DR   >DR   team  team  team  team  team  sched
            ONE     reopen            archived          rev   rev   >DR   >DR   >DR   >DR   >DR   team  team  team  team  team  sched
            ONE     approval_reset    approved          rev   rev   >IR   >IR   >IR   >IR   >IR   team  team  team  team  team  sched
            TWO     submit            draft             >IR   auth  >IR   >IR   >IR   >IR   >IR   team  team  team  team  team  sched
            TWO     submit            changes_requested >IR   auth  >IR   >IR   >IR   >IR   >IR   team  team  team  team  team  sched
            TWO     request_changes   in_review         rev   rev   own   >CR   >CR   >CR   own   team  team  team  team  team  sched
            TWO     request_changes   approved          rev   rev   own   >CR   >CR   >CR   own   team  team  team  team  team  sched
            TWO     approve           in_review         rev   rev   noap  noap  noap  noap  noap  team  team  team  team  team  sched
            TWO     publish           draft             rev   rev   nrev  nrev  nrev  nrev  nrev  team  team  team  team  team  sched
            TWO     publish           in_review         rev   rev   own   >PB   >PB   >PB   own   team  team  team  team  team  sched
            TWO     publish           approved          rev   rev   own   >PB   >PB   >PB   own   team  team  team  team  team  sched
            TWO     publish           unpublished       rev   rev   own   >PB   >PB   >PB   own   team  team  team  team  team  sched
            TWO     schedule          draft             rev   rev   nrev  nrev  nrev  nrev  nrev  team  team  team  team  team  sched
            TWO     schedule          in_review         rev   rev   own   >SC   >SC   >SC   own   team  team  team  team  team  sched
            TWO     schedule          approved          rev   rev   own   >SC   >SC   >SC   own   team  team  team  team  team  sched
            TWO     schedule          scheduled         rev   rev   own   >SC   >SC   >SC   own   team  team  team  team  team  sched
            TWO     publish_scheduled scheduled         sched sched sched sched sched sched sched sched sched sched sched sched >PB
            TWO     cancel_schedule   scheduled         rev   rev   >DR   >DR   >DR   >DR   >DR   team  team  team  team  team  sched
            TWO     unpublish         published         rev   rev   >UP   >UP   >UP   >UP   >UP   team  team  team  team  team  sched
            TWO     archive           published         rev   rev   >AR   >AR   >AR   >AR   >AR   team  team  team  team  team  sched
            TWO     archive           unpublished       rev   rev   >AR   >AR   >AR   >AR   >AR   team  team  team  team  team  sched
            TWO     reopen            unpublished       rev   rev   >DR   >DR   >DR   >DR   >DR   team  team  team  team  team  sched
            TWO     reopen            archived          rev   rev   >DR   >DR   >DR   >DR   >DR   team  team  team  team  team  sched
            TWO     approval_reset    approved          rev   rev   >IR   >IR   >IR   >IR   >IR   team  team  team  team  team  sched
            THREE   submit            draft             >IR   auth  >IR   >IR   >IR   >IR   >IR   team  team  team  team  team  sched
            THREE   submit            changes_requested >IR   auth  >IR   >IR   >IR   >IR   >IR   team  team  team  team  team  sched
            THREE   request_changes   in_review         rev   rev   own   >CR   >CR   >CR   own   team  team  team  team  team  sched
            THREE   request_changes   approved          rev   rev   own   >CR   >CR   >CR   own   team  team  team  team  team  sched
            THREE   approve           in_review         rev   rev   own   >AP   >AP   >AP   own   team  team  team  team  team  sched
            THREE   publish           draft             rev   rev   nappr nappr nappr nappr nappr team  team  team  team  team  sched
            THREE   publish           in_review         rev   rev   nappr nappr nappr nappr nappr team  team  team  team  team  sched
            THREE   publish           approved          rev   rev   own   appub >PB   >PB   own   team  team  team  team  team  sched
            THREE   publish           unpublished       rev   rev   own   >PB   >PB   >PB   own   team  team  team  team  team  sched
            THREE   schedule          draft             rev   rev   nappr nappr nappr nappr nappr team  team  team  team  team  sched
            THREE   schedule          in_review         rev   rev   nappr nappr nappr nappr nappr team  team  team  team  team  sched
            THREE   schedule          approved          rev   rev   own   appub >SC   >SC   own   team  team  team  team  team  sched
            THREE   schedule          scheduled         rev   rev   own   appub >SC   >SC   own   team  team  team  team  team  sched
            THREE   publish_scheduled scheduled         sched sched sched sched sched sched sched sched sched sched sched sched >PB
            THREE   cancel_schedule   scheduled         rev   rev   >DR   >DR   >DR   >DR   >DR   team  team  team  team  team  sched
            THREE   unpublish         published         rev   rev   >UP   >UP   >UP   >UP   >UP   team  team  team  team  team  sched
            THREE   archive           published         rev   rev   >AR   >AR   >AR   >AR   >AR   team  team  team  team  team  sched
            THREE   archive           unpublished       rev   rev   >AR   >AR   >AR   >AR   >AR   team  team  team  team  team  sched
            THREE   reopen            unpublished       rev   rev   >DR   >DR   >DR   >DR   >DR   team  team  team  team  team  sched
            THREE   reopen            archived          rev   rev   >DR   >DR   >DR   >DR   >DR   team  team  team  team  team  sched
            THREE   approval_reset    approved          rev   rev   >IR   >IR   >IR   >IR   >IR   team  team  team  team  team  sched
            """;

    private record Key(WorkflowSteps steps, PostEvent event, PostStatus status) {
    }

    private static Map<Key, List<String>> sheet() {
        Map<Key, List<String>> rows = new HashMap<>();
        List<String> columns = null;
        for (String line : SHEET.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            List<String> cells = List.of(line.split("\\s+"));
            if (cells.get(0).equals("#")) {
                columns = cells.subList(4, cells.size());
                continue;
            }
            assertThat(cells).as(line).hasSize(3 + PEOPLE.size());
            Key key = new Key(WorkflowSteps.valueOf(cells.get(0)), PostEvent.valueOf(cells.get(1).toUpperCase(Locale.ROOT)),
                    PostStatus.fromDb(cells.get(2)));
            assertThat(rows.put(key, cells.subList(3, cells.size()))).as("listed twice: " + line).isNull();
        }
        assertThat(columns).containsExactlyElementsOf(PEOPLE.keySet());
        return rows;
    }

    // Approved and scheduled posts carry the approver of their round (for three steps); earlier states have none.
    private static PostFacts facts(PostStatus status) {
        return new PostFacts(status, AUTHOR, status == PostStatus.APPROVED || status == PostStatus.SCHEDULED ? APPROVER : null);
    }

    private static String code(Verdict verdict) {
        if (verdict instanceof Verdict.Allowed allowed) {
            return ">" + STATES.entrySet().stream().filter(e -> e.getValue() == allowed.to()).findFirst().orElseThrow().getKey();
        }
        String key = ((Verdict.Refused) verdict).messageKey();
        return key.equals("workflow.refused.state") ? "state" : key.equals("workflow.refused.reason_required") ? "reason"
                : REFUSALS.entrySet().stream().filter(e -> e.getValue().equals(key)).map(Map.Entry::getKey).findFirst()
                        .orElse("unknown refusal " + key);
    }

    @Test
    void every_setting_state_event_and_role_gets_the_answer_on_the_sheet() {
        Map<Key, List<String>> sheet = sheet();
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (WorkflowSteps steps : WorkflowSteps.values()) {
            for (PostStatus status : PostStatus.values()) {
                for (PostEvent event : PostEvent.values()) {
                    List<String> row = sheet.get(new Key(steps, event, status));
                    int column = 0;
                    for (var person : PEOPLE.entrySet()) {
                        String expected = row == null ? "state" : row.get(column);
                        column++;
                        cells++;
                        String withReason = code(WorkflowRules.decide(steps, facts(status), event, person.getValue(), "alasan uji"));
                        // Without a reason, what needs one is refused for that (and only if it would otherwise pass).
                        String expectedWithout = expected.startsWith(">") && NEED_A_REASON.contains(event) ? "reason" : expected;
                        String withoutReason = code(WorkflowRules.decide(steps, facts(status), event, person.getValue(), " "));
                        if (!withReason.equals(expected) || !withoutReason.equals(expectedWithout)) {
                            wrong.add(steps + " " + event + " from " + status + " by " + person.getKey() + ": expected "
                                    + expected + "/" + expectedWithout + ", got " + withReason + "/" + withoutReason);
                        }
                    }
                }
            }
        }
        assertThat(cells).isEqualTo(3 * PostStatus.values().length * PostEvent.values().length * PEOPLE.size());
        assertThat(wrong).as("cells that differ from the sheet").isEmpty();
    }

    @Test
    void the_sheet_covers_every_role_of_the_project() {
        Set<Role> named = new java.util.HashSet<>();
        PEOPLE.values().forEach(p -> named.addAll(p.roles()));
        assertThat(named).containsExactlyInAnyOrder(Role.values());
        assertThat(PostStatus.values()).hasSize(8);
        assertThat(PostEvent.values()).hasSize(11);
    }

    @Test
    void every_refusal_code_on_the_sheet_is_used_so_none_is_dead() {
        Set<String> used = new java.util.HashSet<>();
        sheet().values().forEach(used::addAll);
        assertThat(used).containsAll(REFUSALS.keySet());
        assertThat(used).contains(">DR", ">IR", ">CR", ">AP", ">SC", ">PB", ">UP", ">AR");
    }
}
