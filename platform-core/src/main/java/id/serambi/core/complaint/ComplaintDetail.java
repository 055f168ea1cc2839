package id.serambi.core.complaint;

import java.time.OffsetDateTime;
import java.util.List;

/** One complaint for its officers and officials: personal data, the clock, what they may do now, the history. */
public record ComplaintDetail(ComplaintSummary summary, String description, String phone, String email,
                              boolean consent, String answer, String returnReason, boolean anonymised,
                              List<ComplaintStep> possibleSteps, List<ComplaintEventLine> history,
                              OffsetDateTime deliveredAt, List<ComplaintAttachments.Attachment> attachments) {
}
