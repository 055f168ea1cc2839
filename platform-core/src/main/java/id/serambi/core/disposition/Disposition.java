package id.serambi.core.disposition;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import id.serambi.core.account.UserId;
import id.serambi.core.tenant.TenantId;

/**
 * An instruction sent down the chain to an agency (seed 000): subject, text, due date, and the agency's answer.
 * {@code overdue} is computed for today in the portal's time zone: past due and not yet answered or closed.
 */
public record Disposition(long id, TenantId tenantId, String tenantSlug, String tenantName, String subject, String body,
                          LocalDate dueOn, DispositionState state, UserId sentBy, String sentByName, OffsetDateTime sentAt,
                          OffsetDateTime acknowledgedAt, OffsetDateTime answeredAt, String answer, OffsetDateTime closedAt,
                          boolean overdue, List<Event> events) {

    /** One step of its history. */
    public record Event(String event, String actorName, String note, OffsetDateTime at) {
        public String messageKey() {
            return "disposition.event." + event;
        }
    }
}
