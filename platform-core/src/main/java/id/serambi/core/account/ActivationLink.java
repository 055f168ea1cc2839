package id.serambi.core.account;

import java.time.OffsetDateTime;

/**
 * A freshly issued one-time link. {@code url} is the only copy of the secret: it is mailed (then erased from
 * the outbox) or printed, never stored. {@code mailed} says which.
 */
public record ActivationLink(UserId userId, String username, String url, OffsetDateTime expiresAt, boolean mailed) {
    @Override
    public String toString() {
        return "ActivationLink[" + username + ", expires " + expiresAt + "]"; // never the secret
    }
}
