package id.serambi.core.complaint;

import java.time.OffsetDateTime;

/** One step in a complaint's history as the agency sees it, internal note included. */
public record ComplaintEventLine(long id, String step, String toStatus, String actorLabel, String publicText,
                                 String internalNote, OffsetDateTime occurredAt) {
    public String stepKey() {
        return "complaint.step." + step;
    }

    public String statusKey() {
        return "complaint.status." + toStatus;
    }
}
