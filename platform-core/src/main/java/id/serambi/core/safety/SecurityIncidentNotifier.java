package id.serambi.core.safety;

/**
 * Seam to the mail outbox: tells Kominfo's platform admins that the spam guard stopped something. Called
 * inside the transaction that records the incident, so an implementation that writes an outbox row commits
 * (or not) together with the incident. {@link LoggingIncidentNotifier} stands in until the outbox exists.
 */
public interface SecurityIncidentNotifier {
    void incidentRecorded(SecurityIncident incident);
}
