package id.serambi.core.complaint;

import java.time.OffsetDateTime;

/**
 * A complaint in the agency's list, with its clock: when the current step began and falls due. The
 * complainant's name is here only for the complaint roles (the service masks it for anyone else).
 */
public record ComplaintSummary(long id, String registerNumber, ComplaintChannel channel, String category,
                               ComplaintStatus status, String complainantName, OffsetDateTime filedAt,
                               OffsetDateTime statusSince, OffsetDateTime dueAt, boolean overdue) {
}
