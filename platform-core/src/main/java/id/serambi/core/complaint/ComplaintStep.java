package id.serambi.core.complaint;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import id.serambi.core.access.Action;

/**
 * The one declared transition table of seed 004: for each step, the states it may start from, the state it
 * leads to, the action (and so the roles) it needs, and whether the person must write something: the reason
 * a complaint is returned (sent to the citizen) or the answer. Confirm, reopen and auto-close are the
 * citizen's and the clock's; {@link ComplaintService} never offers them to officers.
 */
public enum ComplaintStep {
    VERIFY(EnumSet.of(ComplaintStatus.RECEIVED), ComplaintStatus.VERIFIED, Action.HANDLE_COMPLAINT, false),
    RETURN(EnumSet.of(ComplaintStatus.RECEIVED), ComplaintStatus.RETURNED, Action.HANDLE_COMPLAINT, true),
    ANSWER(EnumSet.of(ComplaintStatus.VERIFIED), ComplaintStatus.ANSWERED, Action.HANDLE_COMPLAINT, true),
    ESCALATE(EnumSet.of(ComplaintStatus.VERIFIED), ComplaintStatus.ESCALATED, Action.HANDLE_COMPLAINT, false),
    ANSWER_ESCALATED(EnumSet.of(ComplaintStatus.ESCALATED), ComplaintStatus.ANSWERED, Action.ANSWER_ESCALATED_COMPLAINT, true),
    DELIVER(EnumSet.of(ComplaintStatus.ANSWERED), ComplaintStatus.DELIVERED, Action.HANDLE_COMPLAINT, false),
    CONFIRM(EnumSet.of(ComplaintStatus.DELIVERED), ComplaintStatus.CLOSED, null, false),
    REOPEN(EnumSet.of(ComplaintStatus.DELIVERED), ComplaintStatus.VERIFIED, null, false),
    AUTO_CLOSE(EnumSet.of(ComplaintStatus.DELIVERED), ComplaintStatus.CLOSED, null, false);

    private final Set<ComplaintStatus> from;
    private final ComplaintStatus to;
    private final Action action;
    private final boolean needsText;

    ComplaintStep(Set<ComplaintStatus> from, ComplaintStatus to, Action action, boolean needsText) {
        this.from = from;
        this.to = to;
        this.action = action;
        this.needsText = needsText;
    }

    public Set<ComplaintStatus> from() {
        return from;
    }

    public ComplaintStatus to() {
        return to;
    }

    /** The action an officer needs; null for the citizen's and the clock's steps. */
    public Action action() {
        return action;
    }

    public boolean needsText() {
        return needsText;
    }

    public boolean byOffice() {
        return action != null;
    }

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ComplaintStep> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.dbValue().equals(value)).findFirst();
    }

    public String messageKey() {
        return "complaint.step." + dbValue();
    }
}
