package id.serambi.core.workflow;

/**
 * How many hands a tenant's posts pass through before they go live (seed 003: reporter → editor → redaktur →
 * web administrator). One: an admin or editor publishes. Two: a writer submits, an editor who is not the
 * writer publishes. Three: an editor approves, then a redaktur (an editor or admin who neither wrote nor
 * approved it) publishes.
 */
public enum WorkflowSteps {
    ONE(1), TWO(2), THREE(3);

    private final int count;

    WorkflowSteps(int count) {
        this.count = count;
    }

    public int count() {
        return count;
    }

    /** Whether the procedure wants separation of duties: the approver is never the author. */
    public boolean separatesDuties() {
        return this != ONE;
    }

    public static WorkflowSteps of(int count) {
        for (WorkflowSteps steps : values()) {
            if (steps.count == count) {
                return steps;
            }
        }
        throw new IllegalArgumentException("workflow steps must be 1, 2 or 3, not " + count);
    }
}
