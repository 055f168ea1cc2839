package id.serambi.core.designation;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import id.serambi.core.account.Role;
import id.serambi.core.account.UserId;

/** One entry of a tenant's designation history. */
public record Designation(long id, UserId userId, String username, String displayName, String email, Role role,
                          String letterNumber, LocalDate letterDate, String signerName, String signerTitle,
                          LocalDate validFrom, LocalDate validUntil, String delivery, String status,
                          String revokedReason, OffsetDateTime revokedAt, String createdBy, OffsetDateTime createdAt,
                          boolean hasLetter, boolean activated) {

    public boolean active() {
        return "active".equals(status);
    }

    /** Message key of the state a reader cares about: awaiting activation, active, expired or revoked. */
    public String stateKey(LocalDate today) {
        if (!active()) {
            return "designation.state.revoked";
        }
        if (validUntil != null && validUntil.isBefore(today)) {
            return "designation.state.expired";
        }
        return activated ? "designation.state.active" : "designation.state.awaiting_activation";
    }
}
