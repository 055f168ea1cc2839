package id.serambi.core.complaint;

import java.time.OffsetDateTime;
import java.util.List;

/** What the citizen sees with the register number and tracking code: no officers, no internal notes. */
public record TrackedComplaint(String registerNumber, String agencyName, ComplaintStatus status, String category,
                               OffsetDateTime filedAt, String answer, String returnReason, OffsetDateTime deliveredAt,
                               List<Line> history, boolean mayRespond) {
    public record Line(String step, String toStatus, String publicText, OffsetDateTime at) {
        public String stepKey() {
            return "complaint.step." + step;
        }
    }
}
